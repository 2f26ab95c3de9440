package a

import (
	"fmt"
	"time"
)

// dateFormat is a named constant: reported where it is used, without a fix.
const dateFormat = "YYYY-MM-DD"

const goDateFormat = "2006-01-02"

func noFix(t time.Time, s string) {
	_, _ = time.Parse(dateFormat, s) // want `dateFormat \("YYYY-MM-DD"\) is not a Go layout: Go layouts spell the reference time Mon Jan 2 15:04:05 MST 2006; write "2006-01-02"`
	_, _ = time.Parse(goDateFormat, s)

	// Fields whose meaning depends on the notation: no fix.
	fmt.Println(t.Format("EEE, dd MMM yyyy HH:mm:ss Z")) // want `"EEE, dd MMM yyyy HH:mm:ss Z" is not a Go layout: Go layouts spell the reference time Mon Jan 2 15:04:05 MST 2006, as in "2006-01-02 15:04:05"`
	fmt.Println(t.Format("Mon, 02 Jan 2006 15:04:05 -0700"))

	fmt.Println(t.Format("hh:mm a")) // want `"hh:mm a" is not a Go layout: .*, as in "2006-01-02 15:04:05"`
	fmt.Println(t.Format("03:04 PM"))

	fmt.Println(t.Format("dd HH:mm")) // want `"dd HH:mm" is not a Go layout`
	fmt.Println(t.Format("02 15:04"))

	fmt.Println(t.Format("H:mm")) // want `"H:mm" is not a Go layout`
	fmt.Println(t.Format("15:04"))

	fmt.Println(t.Format("MMMM Do YYYY")) // want `"MMMM Do YYYY" is not a Go layout`
	fmt.Println(t.Format("January 2 2006"))

	fmt.Println(t.Format("%c")) // want `"%c" is not a Go layout`
	fmt.Println(t.Format(time.ANSIC))

	fmt.Println(t.Format("yyyy-MM-dd at HH:mm")) // want `"yyyy-MM-dd at HH:mm" is not a Go layout`
	fmt.Println(t.Format("2006-01-02 at 15:04"))

	fmt.Println(t.Format("HH:mm:ssSSS")) // want `"HH:mm:ssSSS" is not a Go layout`
	fmt.Println(t.Format("15:04:05.000"))
}

// Go layouts with text in them, and calls that take no layout.
func goLayouts(t time.Time, s, layout string) {
	fmt.Println(t.Format("Monday, January 2, 2006 at 3:04pm (MST)"))
	fmt.Println(t.Format("2006-01-02T15:04:05Z"))
	fmt.Println(t.Format("Mon, 02 Jan 2006 15:04:05 GMT"))
	fmt.Println(t.Format("15h04m05s"))
	fmt.Println(t.Format("access-20060102.log"))
	fmt.Println(t.Format("Address: 2006"))
	fmt.Println(t.Format("backup-20060102.tar.gz"))
	fmt.Println(t.Format("2006-01-02 15:04:05 100%"))
	fmt.Println(t.Format(time.RFC1123))
	fmt.Println(t.Format(layout))
	_, _ = time.Parse(layout, s)
	fmt.Println("YYYY-MM-DD")
	fmt.Printf("%Y\n", t)
}
