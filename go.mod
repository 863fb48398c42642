module github.com/followmatch/followmatch

go 1.26.0

require (
	github.com/agnivade/levenshtein v1.2.2
	github.com/corona10/goimagehash v1.1.0
	github.com/disintegration/imaging v1.6.2
	golang.org/x/image v0.48.0
	golang.org/x/text v0.44.0
)

require github.com/nfnt/resize v0.0.0-20180221191011-83c6a9932646 // indirect
