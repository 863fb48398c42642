package catalog

import (
	"maps"
	"strings"
	"testing"
)

// TestResolveColumns: columns named as exports name them are read as their
// fields, never over a column with the field's own name or --map.
func TestResolveColumns(t *testing.T) {
	tests := []struct {
		name    string
		header  string
		renames map[string]string
		want    map[string]string // column -> field, the guessed and mapped ones
		note    string
		why     string
	}{
		{"supplier names", "SKU,Product Name,UPC,Qty", nil,
			map[string]string{"sku": "id", "product name": "title", "upc": "gtin", "qty": "stock"}, `"SKU" as id, "Product Name" as title, "UPC" as gtin, "Qty" as stock`,
			"a file without --map was all errors"},
		{"a tools distributor's names", "Item,Description,Brand,Mfg #,UPC,OnHand", nil,
			map[string]string{"description": "title", "mfg #": "model", "upc": "gtin", "onhand": "stock"}, `"Mfg #" as model`,
			"the maker's part number and the stock were not read without --map"},
		{"a baby-products distributor's names", "Product #,Product Name,Supplier,Supplier Item,GTIN,Category,Count,Stock", nil,
			map[string]string{"product #": "id", "product name": "title", "supplier": "brand", "supplier item": "model"}, `"Supplier Item" as model`,
			"only the title was read without --map: every row lacked an id"},
		{"a pharmacy wholesaler's names", "NDC/Item,Description,Manufacturer,Mfg Item,UPC,Dept,Size,QOH", nil,
			map[string]string{"description": "title", "manufacturer": "brand", "mfg item": "model", "upc": "gtin", "dept": "category", "qoh": "stock"}, `"QOH" as stock`,
			"the maker's item number and the quantity on hand were not read"},
		{"a garden distributor's names", "Item No,Item Description,Mfr Name,Mfr Part No,UPC,Class,Case Qty,Avail Qty", nil,
			map[string]string{"item no": "id", "item description": "title", "mfr name": "brand", "mfr part no": "model", "upc": "gtin", "class": "category", "avail qty": "stock"}, `"Mfr Name" as brand`,
			"the maker's name, class and quantity were not read"},
		{"own name first", "id,SKU,title", nil, map[string]string{}, "",
			"a column named id is the id; SKU is not read"},
		{"--map first", "SKU,Item #", map[string]string{"sku": "model"},
			map[string]string{"sku": "model", "item #": "id"}, `"Item #" as id`, "--map names SKU the model; Item # is the id"},
		{"the listed name first", "EAN,UPC", nil, map[string]string{"upc": "gtin"}, `"UPC" as gtin`,
			"two names for one field: the first listed in the synonyms is read"},
		{"description as title", "id,Description", nil, map[string]string{"description": "title"}, `no title column: "Description" is read as the title`,
			"a supplier's description column is its item title"},
		{"description kept", "id,Name,Description", nil, map[string]string{"name": "title"}, `"Name" as title`,
			"with a title column the description stays the description"},
		{"nothing to guess", "id,title,brand", nil, map[string]string{}, "", "the plain case says nothing"},
	}
	for _, tt := range tests {
		got, notes := resolveColumns(strings.Split(tt.header, ","), tt.renames)
		if got == nil {
			got = map[string]string{}
		}
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s: renames %v, want %v (%s)", tt.name, got, tt.want, tt.why)
		}
		n := strings.Join(notes, "; ")
		if tt.note == "" && n != "" || !strings.Contains(n, tt.note) {
			t.Errorf("%s: notes %q, want %q (%s)", tt.name, n, tt.note, tt.why)
		}
	}
}

// TestSynonymsFile: the embedded synonyms load, and a broken file is
// refused with its mistake named.
func TestSynonymsFile(t *testing.T) {
	if _, err := parseSynonyms(synonymsJSON); err != nil {
		t.Fatalf("embedded synonyms: %v", err)
	}
	for _, tt := range []struct{ file, want string }{
		{`{"colour": ["x"]}`, `"colour" is not a record field`},
		{`{"id": ["sku"], "model": ["sku"]}`, `"sku" is listed for`},
		{`{"id": ["title"]}`, `"title" is listed`},
		{`{"id": "sku"}`, "id:"},
	} {
		if _, err := parseSynonyms([]byte(tt.file)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error with %q", tt.file, err, tt.want)
		}
	}
}

// TestSynonymSpelling: a name spelled with "_" or "-" (marketplace
// reports: "item-name", "seller_sku") is the same name.
func TestSynonymSpelling(t *testing.T) {
	got, _ := resolveColumns([]string{"seller-sku", "Item_Name", "Brand_Name"}, nil)
	want := map[string]string{"seller-sku": "id", "item_name": "title", "brand_name": "brand"}
	if !maps.Equal(got, want) {
		t.Errorf("renames %v, want %v", got, want)
	}
}
