module old

go 1.19
