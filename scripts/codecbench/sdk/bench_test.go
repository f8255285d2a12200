// The official SDK's side of the codec benchmark (issue 28): the same five
// payloads decoded with Kiota's JSON parse-node factory into
// msgraph-sdk-go's models and serialized back with Kiota's JSON
// serialization writer. A module of its own, so that the generator never
// depends on the SDK; scripts/codecbench/bench.sh runs it with CODEC_SDK=1,
// in a temporary copy that holds the payloads package too.
package sdkbench

import (
	"os"
	"testing"

	"codecbench/sdk/payloads"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	jsonser "github.com/microsoft/kiota-serialization-json-go"
	graph "github.com/microsoftgraph/msgraph-sdk-go/models"
)

var factories = map[string]absser.ParsableFactory{
	"user":       graph.CreateUserFromDiscriminatorValue,
	"users100":   graph.CreateUserCollectionResponseFromDiscriminatorValue,
	"message":    graph.CreateMessageFromDiscriminatorValue,
	"event":      graph.CreateEventFromDiscriminatorValue,
	"driveItems": graph.CreateDriveItemCollectionResponseFromDiscriminatorValue,
}

var (
	parseNodes = jsonser.NewJsonParseNodeFactory()
	writers    = jsonser.NewJsonSerializationWriterFactory()
)

func load(b *testing.B) map[string][]byte {
	dir := os.Getenv("CODEC_API")
	if dir == "" {
		dir = "../../../../shared/corpus/en-2020-05/v1.0/api"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("skipped: the API pages %s are absent (the shared corpus lives in ../shared): %v", dir, err)
	}
	p, err := payloads.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func decode(data []byte, f absser.ParsableFactory) (absser.Parsable, error) {
	node, err := parseNodes.GetRootParseNode("application/json", data)
	if err != nil {
		return nil, err
	}
	return node.GetObjectValue(f)
}

// encode serializes v and returns the length of the JSON (the writer's
// buffer goes back to its pool on Close).
func encode(v absser.Parsable) (int, error) {
	w, err := writers.GetSerializationWriter("application/json")
	if err != nil {
		return 0, err
	}
	defer w.Close()
	if err := w.WriteObjectValue("", v); err != nil {
		return 0, err
	}
	out, err := w.GetSerializedContent()
	return len(out), err
}

func BenchmarkDecode(b *testing.B) {
	p := load(b)
	for _, name := range payloads.Names {
		data, f := p[name], factories[name]
		b.Run("payload="+name+"/side=sdk", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := decode(data, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	p := load(b)
	for _, name := range payloads.Names {
		v, err := decode(p[name], factories[name])
		if err != nil {
			b.Fatal(err)
		}
		n, err := encode(v)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: %d bytes in, %d bytes out", name, len(p[name]), n)
		b.Run("payload="+name+"/side=sdk", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := encode(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
