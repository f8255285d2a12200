// The prose codec: a prose record (prose.go) in the binary form
// (wire.go).

package cache

import "fmt"

// encodeProse writes a prose record for decodeProse.
func encodeProse(pr *prose) []byte {
	w := writer{buf: make([]byte, 0, 32*len(pr.Pages)+8*len(pr.Origins))}
	w.Uint(uint64(len(pr.Pages)))
	for _, p := range pr.Pages {
		w.Str(p)
	}
	w.Uint(uint64(len(pr.Origins)))
	for _, o := range pr.Origins {
		w.Int(int64(o.Page))
		w.Int(int64(o.Index))
	}
	return w.buf
}

// decodeProse reads what encodeProse wrote.
func decodeProse(data []byte) (*prose, error) {
	r := newReader(data)
	pr := &prose{Pages: make([]string, r.Count())}
	for i := range pr.Pages {
		pr.Pages[i] = r.Str()
	}
	pr.Origins = make([]origin, r.Count())
	for i := range pr.Origins {
		o := &pr.Origins[i]
		o.Page, o.Index = int32(r.Int()), int32(r.Int())
		if o.Page < -1 || int(o.Page) >= len(pr.Pages) {
			r.Fail()
		}
	}
	if !r.Done() {
		return nil, fmt.Errorf("not a prose record, or not whole")
	}
	return pr, nil
}
