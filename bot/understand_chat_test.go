package bot

import (
	"fmt"
	"testing"
	"time"
)

// TestUnderstandChat reads questions typed the way analysts write in chat:
// terse, lower case, with acronyms, possessives and makers.
func TestUnderstandChat(t *testing.T) {
	now := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		q    string
		want string // intent/form S R cats kinds system years
	}{
		// country acronyms typed in lower case
		{"uae rafale deal status", "suppliers/story S[] R[United Arab Emirates] cat[Aircraft] kind[] sys[Rafale] 0-0"},
		{"has the uk blocked arms sales to israel", "between/story S[United Kingdom] R[Israel] cat[] kind[] sys[] 0-0"},
		{"what did the usa give the uk's army", "between/list S[United States] R[United Kingdom] cat[] kind[] sys[] 0-0"},
		{"what did the u.s. sell to poland", "between/list S[United States] R[Poland] cat[] kind[] sys[] 0-0"},
		{"who sells tanks to us", "passages/list S[] R[] cat[Armoured vehicles] kind[tank] sys[] 0-0"},
		// a country, weapon words, then a noun that gives its side
		{"kazakhstan drones suppliers?", "suppliers/list S[] R[Kazakhstan] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"tajikistan armoured vehicles suppliers", "suppliers/list S[] R[Tajikistan] cat[Armoured vehicles] kind[] sys[] 0-0"},
		{"Turkey drone customers", "recipients/list S[Turkey] R[] cat[Aircraft] kind[drone] sys[] 0-0"},
		// a system and the nouns of its users: every route of it
		{"JF-17 customers", "between/list S[] R[] cat[Aircraft] kind[] sys[JF-17] 0-0"},
		{"rafale operators?", "between/list S[] R[] cat[Aircraft] kind[] sys[Rafale] 0-0"},
		{"JF-17 history", "passages/list S[] R[] cat[Aircraft] kind[] sys[JF-17] 0-0"},
		// "signed for" gets; a demonym owner of a foreign system beside the
		// buyer sells it second-hand
		{"has argentina signed for danish f-16s yet", "between/check S[Denmark] R[Argentina] cat[Aircraft] kind[] sys[F-16] 0-0"},
		{"Did Argentina buy Danish F-16s?", "between/check S[Denmark] R[Argentina] cat[Aircraft] kind[] sys[F-16] 0-0"},
		{"Is the Indonesian Su-35 order dead?", "suppliers/story S[] R[Indonesia] cat[Aircraft] kind[] sys[Su-35] 0-0"},
		// a passive: the subject is the one given to
		{"Was Ukraine sent Leopard 1 tanks by Germany?", "between/check S[Germany] R[Ukraine] cat[Armoured vehicles] kind[] sys[Leopard 1] 0-0"},
		{"Was Bangladesh given an Alouette by India?", "between/check S[India] R[Bangladesh] cat[Aircraft] kind[] sys[Alouette III] 0-0"},
		{"Has Ukraine been given Leopard 1 tanks?", "suppliers/check S[] R[Ukraine] cat[Armoured vehicles] kind[] sys[Leopard 1] 0-0"},
		{"Was Russia supplied drones by Iran?", "between/check S[Iran] R[Russia] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"Has Russia supplied drones to Iran?", "between/check S[Russia] R[Iran] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"Is Russia supplying drones to Iran?", "between/check S[Russia] R[Iran] cat[Aircraft] kind[drone] sys[] 0-0"},
		// no verb: the arms words and the other side's preposition, or an arrow
		{"UK weapons to Ukraine", "between/list S[United Kingdom] R[Ukraine] cat[] kind[] sys[] 0-0"},
		{"Armenia arms from France?", "between/list S[France] R[Armenia] cat[] kind[] sys[] 0-0"},
		{"france->armenia deals", "between/list S[France] R[Armenia] cat[] kind[] sys[] 0-0"},
		{"Russia → Kazakhstan since 2020", "between/list S[Russia] R[Kazakhstan] cat[] kind[] sys[] 2020-0"},
		{"Turkey and Kazakhstan", "between/list S[Turkey] R[Kazakhstan] cat[] kind[] sys[] 0-0 either"},
		// "no longer", "anymore": did the supply stop
		{"Is Kazakhstan no longer buying Russian jets?", "between/story S[Russia] R[Kazakhstan] cat[Aircraft] kind[jet] sys[] 0-0"},
		{"does spain buy israeli missiles anymore", "between/story S[Israel] R[Spain] cat[Missiles] kind[] sys[] 0-0"},
		{"Is Canada still exporting drone optics to Turkey?", "between/check S[Canada] R[Turkey] cat[Aircraft] kind[drone] sys[] 0-0"},
		// a maker, "aid", and a lower-case "us" that is the country
		{"elbit germany", "between/list S[Israel] R[Germany] cat[] kind[] sys[] 0-0"},
		{"American aid to Tajikistan", "between/list S[United States] R[Tajikistan] cat[] kind[] sys[] 0-0"},
		{"us aid to tajikistan", "between/list S[United States] R[Tajikistan] cat[] kind[] sys[] 0-0"},
		{"what did the us sell to poland", "between/list S[United States] R[Poland] cat[] kind[] sys[] 0-0"},
		{"tell us who arms kazakhstan", "suppliers/list S[] R[Kazakhstan] cat[] kind[] sys[] 0-0"},
		// names in lower case beside designations and acronyms in capitals
		{"K2 tanks for poland", "suppliers/list S[] R[Poland] cat[Armoured vehicles] kind[] sys[K2 Black Panther] 0-0"},
		{"did the UAE buy caracals from france", "between/check S[France] R[United Arab Emirates] cat[] kind[] sys[] 0-0"},
		{"Who sells tanks to poland?", "suppliers/list S[] R[Poland] cat[Armoured vehicles] kind[tank] sys[] 0-0"},
		{"Did azerbaijan buy TB2s from turkey?", "between/check S[Turkey] R[Azerbaijan] cat[Aircraft] kind[] sys[Bayraktar TB2] 0-0"},
		{"Canada drone optics turkey", "suppliers/list S[] R[Canada] cat[Aircraft] kind[drone] sys[] 0-0"},
		// "is the ... deal still on?" asks for the story
		{"Is the Leopard 1 deal for Ukraine still on?", "suppliers/story S[] R[Ukraine] cat[Armoured vehicles] kind[] sys[Leopard 1] 0-0"},
		// "use" is a verb of getting; "deals with X" names the other party
		{"who uses the k9", "between/list S[] R[] cat[Artillery] kind[] sys[K9 Thunder] 0-0"},
		// rocket artillery called "launchers": the named system, not a namesake missile
		{"Is Chile buying HIMARS launchers from the United States?", "between/check S[United States] R[Chile] cat[Artillery Missiles] kind[] sys[HIMARS] 0-0"},
		{"Did Azerbaijan use Israeli drones?", "between/check S[Israel] R[Azerbaijan] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"Hanwha deals with Egypt", "between/list S[South Korea] R[Egypt] cat[] kind[] sys[] 0-0"},
		{"Turkish drones compared with Russia", "recipients/list S[Turkey] R[] cat[Aircraft] kind[drone] sys[] 0-0"},
		// "by" after a verb of getting names the buyer
		{"Were K9s bought by Norway?", "suppliers/check S[] R[Norway] cat[Artillery] kind[] sys[K9 Thunder] 0-0"},
		{"Which drones were used by Azerbaijan?", "suppliers/list S[] R[Azerbaijan] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"Were Leopard 1 tanks sent by Germany?", "recipients/check S[Germany] R[] cat[Armoured vehicles] kind[] sys[Leopard 1] 0-0"},
		{"Has Israel turned down Ukraine's Iron Dome request?", "between/story S[Israel] R[Ukraine] cat[Air-defence systems] kind[] sys[Iron Dome] 0-0"},
		{"Did Israel say no to Iron Dome for Ukraine?", "between/story S[Israel] R[Ukraine] cat[Air-defence systems] kind[] sys[Iron Dome] 0-0"},
		// a noun of receipt with one country and no verb
		{"Ukraine deliveries so far this year", "suppliers/list S[] R[Ukraine] cat[] kind[] sys[] 2026-2026"},
		{"Ukraine this year", "passages/list S[] R[] cat[] kind[] sys[] 2026-2026"},
		// "the number of" asks how many
		{"number of rafales the uae ordered", "suppliers/count S[] R[United Arab Emirates] cat[Aircraft] kind[] sys[Rafale] 0-0"},
		{"the number of countries France sold Rafales to", "recipients/list S[France] R[] cat[Aircraft] kind[] sys[Rafale] 0-0"},
		// a terse question ending in "status" asks for the deal's story
		{"Argentina F-16 deal latest?", "suppliers/story S[] R[Argentina] cat[Aircraft] kind[] sys[F-16] 0-0"},
		{"Did the UAE get a Rafale status update?", "suppliers/check S[] R[United Arab Emirates] cat[Aircraft] kind[] sys[Rafale] 0-0"},
		// "more" before a weapon asks about a further batch, not a trend
		{"Is Ghana buying more Bayraktars?", "suppliers/check S[] R[Ghana] cat[Aircraft] kind[] sys[Bayraktar] 0-0"},
		{"is ghana getting more tanks", "suppliers/check S[] R[Ghana] cat[Armoured vehicles] kind[tank] sys[] 0-0"},
		{"Is Ghana buying more weapons?", "suppliers/list S[] R[Ghana] cat[] kind[] sys[] 0-0"},
		// a demonym before "military" that is the forces is no origin of arms
		{"Who supplies the Ghanaian military with transport aircraft?", "suppliers/list S[] R[Ghana] cat[Aircraft] kind[transport aircraft] sys[] 0-0"},
		{"Who sells Ghanaian military equipment?", "recipients/list S[Ghana] R[] cat[] kind[] sys[] 0-0"},
		// two countries and a deal noun: transfers either way
		{"Ghana Spain deal", "between/list S[Ghana] R[Spain] cat[] kind[] sys[] 0-0 either"},
		// "ships" after a question word is the noun, not the verb
		{"What ships has Turkey sold Ghana?", "between/list S[Turkey] R[Ghana] cat[Ships] kind[] sys[] 0-0"},
		// a yes/no question typed without its auxiliary
		{"Ghana getting Su-27s?", "suppliers/check S[] R[Ghana] cat[Aircraft] kind[] sys[Su-27] 0-0"},
		{"South Korea selling K9s to Ghana?", "between/check S[South Korea] R[Ghana] cat[Artillery] kind[] sys[K9 Thunder] 0-0"},
		{"Ghana getting Su-27s", "suppliers/list S[] R[Ghana] cat[Aircraft] kind[] sys[Su-27] 0-0"},
		// "why hasn't X got Y" asks what became of the deal
		{"why hasn't ghana got its turkish helicopters", "between/story S[Turkey] R[Ghana] cat[Aircraft] kind[helicopter] sys[] 0-0"},
	} {
		u := Understand(tc.q, now)
		got := fmt.Sprintf("%s/%s S%v R%v cat%v kind%v sys[%s] %d-%d", u.Intent, u.Form, u.Suppliers, u.Recipients, u.Categories, u.Kinds, u.System, u.YearFrom, u.YearTo)
		if u.Either {
			got += " either"
		}
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.q, got, tc.want)
		}
	}
}
