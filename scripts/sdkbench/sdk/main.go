// The program of issue 32's comparison with the official SDK, written with
// github.com/microsoftgraph/msgraph-sdk-go: list the users page after page
// (the SDK's PageIterator), get one, PATCH it, send a mail; ../client.go.txt
// is the same program with the client gen generates. A module of its own, so
// that the generator never depends on the SDK; ../bench.sh builds a copy of
// it. It only has to build (and be a real use of each API); run against the
// service it needs GRAPH_TOKEN, a bearer token.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
	msgraphcore "github.com/microsoftgraph/msgraph-sdk-go-core"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// staticToken is the smallest azcore.TokenCredential: a bearer token from
// the environment (the SDK's README uses azidentity, which would add MSAL
// to the build).
type staticToken struct{ token string }

func (t staticToken) GetToken(context.Context, policy.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{Token: t.token, ExpiresOn: time.Now().Add(time.Hour)}, nil
}

func main() {
	ctx := context.Background()
	client, err := msgraphsdk.NewGraphServiceClientWithCredentials(staticToken{os.Getenv("GRAPH_TOKEN")}, []string{"https://graph.microsoft.com/.default"})
	if err != nil {
		log.Fatal(err)
	}
	if err := run(ctx, client); err != nil {
		var oe *odataerrors.ODataError
		if errors.As(err, &oe) && oe.GetErrorEscaped() != nil {
			e := oe.GetErrorEscaped()
			log.Fatalf("status %d, code %s: %s", oe.GetStatusCode(), deref(e.GetCode()), deref(e.GetMessage()))
		}
		log.Fatal(err)
	}
}

func run(ctx context.Context, client *msgraphsdk.GraphServiceClient) error {
	// Every user, ten a page: the page iterator follows @odata.nextLink.
	top := int32(10)
	page, err := client.Users().Get(ctx, &users.UsersRequestBuilderGetRequestConfiguration{
		QueryParameters: &users.UsersRequestBuilderGetQueryParameters{Top: &top, Select: []string{"id", "displayName", "mail"}},
	})
	if err != nil {
		return err
	}
	it, err := msgraphcore.NewPageIterator[models.Userable](page, client.GetAdapter(), models.CreateUserCollectionResponseFromDiscriminatorValue)
	if err != nil {
		return err
	}
	var first models.Userable
	err = it.Iterate(ctx, func(u models.Userable) bool {
		if first == nil {
			first = u
		}
		fmt.Println(deref(u.GetId()), deref(u.GetDisplayName()))
		return true
	})
	if err != nil {
		return err
	}
	if first == nil || first.GetId() == nil {
		return errors.New("no users")
	}
	id := *first.GetId()

	user, err := client.Users().ByUserId(id).Get(ctx, &users.UserItemRequestBuilderGetRequestConfiguration{
		QueryParameters: &users.UserItemRequestBuilderGetQueryParameters{Select: []string{"id", "displayName", "jobTitle", "officeLocation", "mail"}},
	})
	if err != nil {
		return err
	}
	fmt.Println("got", deref(user.GetDisplayName()), deref(user.GetJobTitle()))

	// PATCH a fresh value with the changed field set: the models'
	// serializers skip nil values, so officeLocation cannot be sent as null.
	patch := models.NewUser()
	title := "Senior engineer"
	patch.SetJobTitle(&title)
	if _, err := client.Users().ByUserId(id).Patch(ctx, patch, nil); err != nil {
		return err
	}

	content := models.NewItemBody()
	text := models.TEXT_BODYTYPE
	content.SetContentType(&text)
	content.SetContent(ptr("It is Senior engineer now."))
	address := models.NewEmailAddress()
	address.SetAddress(user.GetMail())
	to := models.NewRecipient()
	to.SetEmailAddress(address)
	message := models.NewMessage()
	message.SetSubject(ptr("Your job title"))
	message.SetBody(content)
	message.SetToRecipients([]models.Recipientable{to})
	body := users.NewItemSendMailPostRequestBody()
	body.SetMessage(message)
	body.SetSaveToSentItems(ptr(false))
	return client.Users().ByUserId(id).SendMail().Post(ctx, body, nil)
}

func ptr[T any](v T) *T { return &v }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
