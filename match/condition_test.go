package match

import "testing"

func TestCompareConditions(t *testing.T) {
	runPairs(t, "condition", []pairCase{
		{Record{Title: "Seagate IronWolf Pro 8TB", Description: "Can be used in NAS enclosures of up to 24 bays."}, Record{Title: "Seagate IronWolf Pro 8 TB NAS HDD"},
			Missing, "'used' in running text is no condition (was new against used)"},
		{Record{Title: "Used Cisco Catalyst 2960-X 24 Port"}, Record{Title: "Cisco Catalyst 2960-X 24 Port"}, Conflict, "a used item in the title"},
		{Record{Title: "Dell Latitude 5420", Description: "Certified refurbished, tested and cleaned."}, Record{Title: "Dell Latitude 5420 Laptop"},
			Conflict, "a refurbished item by its description"},
		{Record{Title: "Kindle", Params: map[string]string{"Condition": "Refurbished"}}, Record{Title: "Kindle (Renewed)"}, Same, "refurbished and renewed"},
	})
}
