// The client's lists: a Go iterator over every page's items, following
// @odata.nextLink, and one page at a time.

package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// ErrPagingLoop ends a list whose @odata.nextLink names a page it has
// already read, or that reads more pages than WithMaxPages allows.
var ErrPagingLoop = errors.New("paging: the service's nextLink names a page already read")

// rawPage is a page of a list with its items as they came: the lists
// decode each item into its Go type through reflection, so that a list
// costs no generic instantiation per item type (BENCHMARKS.md).
type rawPage struct {
	Value     []json.RawMessage `json:"value"`
	NextLink  *string           `json:"@odata.nextLink"`
	DeltaLink *string           `json:"@odata.deltaLink"`
}

// page reads one page of a list into out (a *Collection[T]): the one
// WithNextLink names, else the first one of path.
func (c *Client) page(ctx context.Context, path string, out any, opts []RequestOption) error {
	cfg := newRequestConfig(opts)
	u := cfg.nextLink
	if u == "" {
		u = c.url(path, cfg)
	}
	return c.send(ctx, "GET", u, nil, out, cfg)
}

// list sets *seq, an iter.Seq2[T, error], to the items of every page of
// path, following @odata.nextLink, then an error if one ended the list;
// an item whose values did not all fit their documented types is followed
// by its *DecodeError. The function is made by reflection, so a list
// method holds no code of its own for T.
func (c *Client) list(seq any, ctx context.Context, path string, opts []RequestOption) {
	sv := reflect.ValueOf(seq).Elem()
	elem := sv.Type().In(0).In(0)
	noError := reflect.Zero(sv.Type().In(0).In(1))
	sv.Set(reflect.MakeFunc(sv.Type(), func(args []reflect.Value) []reflect.Value {
		yield := args[0]
		send := func(v reflect.Value, err error) bool {
			e := noError
			if err != nil {
				e = reflect.ValueOf(&err).Elem()
			}
			return yield.Call([]reflect.Value{v, e})[0].Bool()
		}
		if err := c.eachPage(ctx, path, elem, opts, send); err != nil {
			send(reflect.Zero(elem), err)
		}
		return nil
	}))
}

// eachPage reads the pages of a list one after another, sending each item
// (and each item's *DecodeError) to send, until the last page, an error,
// or send returns false.
func (c *Client) eachPage(ctx context.Context, path string, elem reflect.Type, opts []RequestOption, send func(reflect.Value, error) bool) error {
	cfg := newRequestConfig(opts)
	u := cfg.nextLink
	if u == "" {
		u = c.url(path, cfg)
	}
	cod := codecFor(elem)
	seen := map[string]bool{u: true}
	for n := 1; ; n++ {
		var raw []byte
		if err := c.send(ctx, "GET", u, nil, &raw, cfg); err != nil {
			return err
		}
		var page rawPage
		if err := json.Unmarshal(raw, &page); err != nil {
			return fmt.Errorf("GET %s: %w", u, err)
		}
		if page.Value == nil {
			return fmt.Errorf("GET %s: the response has no \"value\" array: it is no page of a list", u)
		}
		for _, item := range page.Value {
			v := reflect.New(elem).Elem()
			err := document(item, elem, func(d *decoder) error {
				_, err := d.value(cod, v)
				return err
			})
			if failed(err) {
				return fmt.Errorf("GET %s: %w", u, err)
			}
			if !send(v, nil) || err != nil && !send(reflect.Zero(elem), err) {
				return nil
			}
		}
		if page.NextLink == nil || *page.NextLink == "" {
			if cfg.deltaLink != nil && page.DeltaLink != nil {
				*cfg.deltaLink = *page.DeltaLink
			}
			return nil
		}
		next := *page.NextLink
		if seen[next] {
			return fmt.Errorf("%w: page %d links to %s", ErrPagingLoop, n, next)
		}
		if cfg.maxPages > 0 && n >= cfg.maxPages {
			return fmt.Errorf("%w: more than %d pages (WithMaxPages)", ErrPagingLoop, cfg.maxPages)
		}
		seen[next] = true
		u = next
	}
}
