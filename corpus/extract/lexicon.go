package extract

import (
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// dir says which party is the agent of a trigger.
type dir uint8

const (
	dirS dir = iota + 1 // the supplier acts: supply, sell, sale
	dirR                // the recipient acts: buy, receive, purchase
	dirU                // usage: "in service with Y"; the supplier is the weapon's origin
)

// special marks triggers whose arguments follow their own pattern.
type special uint8

const (
	spNone       special = iota
	spTurnTo             // "turned to X for W": X is the supplier
	spWinOrder           // "won an order from X": the subject supplies X
	spArm                // "armed X with W": needs the object X
	spSupplier           // "supplier"/"source": a possessor is the recipient
	spProduce            // produce/build/assemble: a licence trigger, or "build W for Y"
	spArrive             // "W arrived": the weapon is the subject
	spExportPerm         // "export licence/permit": not licensed production
	spGive               // give/gift/donate: ditransitive, aid
	spCustomer           // "customer"/"client": the named customers receive, the possessor supplies
	spReturn             // "W were returned to X": the holder hands W back to X (see returnRoles)
	spHand               // bare "handed": a transfer only when a weapon follows closely (see keepHand)
	spUse                // "is using": the user holds the weapon, unless it was captured (see keepUse)
	spPassOn             // "passed W on to X": a transfer only with "on to" after the goods (see keepPassOn)
	spOperate            // "operates W": as spUse, for a named system or a military weapon word (see keepOperate)
	spLease              // "leased": the lessor acts, or the lessee with "from X" (see keepLease)
	spPresent            // "presented W to X's forces": a handover only to a state or its forces (see keepPresent)
)

// form is the grammatical form of a verb trigger.
type form uint8

const (
	fNoun     form = iota // a noun, or a phrase used as one
	fBase                 // supply
	fThird                // supplies (also a noun: "supplies of")
	fPast                 // supplied: past tense or participle
	fPart                 // given, taken: participle only
	fIng                  // supplying
	fPastOnly             // gave, took
)

// trigSpec describes one trigger phrase.
type trigSpec struct {
	dir    dir
	status bot.Status
	kind   bot.Kind
	form   form
	light  bool // contract, deal, talks: gives status and a counterpart, direction comes from elsewhere
	ambig  bool // noun or verb ("exports", "order")
	sp     special
}

var triggers = newPhraseSet[trigSpec]()

// verb adds the forms of a verb: base|third|past|ing, with optional
// "part=" and "pastonly=" forms.
func verb(d dir, st bot.Status, k bot.Kind, sp special, base, third, past, ing string, extra ...string) {
	add := func(list string, f form) {
		if list != "" {
			triggers.add(list, trigSpec{dir: d, status: st, kind: k, form: f, sp: sp})
		}
	}
	add(base, fBase)
	add(third, fThird)
	add(past, fPast)
	add(ing, fIng)
	for _, e := range extra {
		if p, ok := strings.CutPrefix(e, "part="); ok {
			add(p, fPart)
		} else if p, ok := strings.CutPrefix(e, "pastonly="); ok {
			add(p, fPastOnly)
		}
	}
}

// noun adds noun triggers.
func noun(d dir, st bot.Status, k bot.Kind, sp special, list string) {
	triggers.add(list, trigSpec{dir: d, status: st, kind: k, form: fNoun, sp: sp})
}

func light(d dir, st bot.Status, k bot.Kind, sp special, f form, list string) {
	triggers.add(list, trigSpec{dir: d, status: st, kind: k, form: f, light: true, sp: sp})
}

const (
	del = bot.StatusDelivered
	ord = bot.StatusOrdered
	pln = bot.StatusPlanned
	cnc = bot.StatusCancelled
	aid = bot.KindAid
	lic = bot.KindLicence
)

func init() {
	// Supplier-subject verbs.
	verb(dirS, del, "", 0, "supply", "", "supplied", "supplying")
	verb(dirS, del, "", 0, "deliver", "delivers", "delivered", "delivering")
	verb(dirS, del, "", 0, "sell", "sells", "sold", "selling")
	verb(dirS, del, "", 0, "resell", "resells", "resold", "reselling")
	verb(dirS, del, "", 0, "", "", "exported|re-exported", "exporting|re-exporting")
	verb(dirS, del, "", 0, "provide", "provides", "provided", "providing")
	verb(dirS, del, "", 0, "", "", "transferred", "transferring")
	verb(dirS, del, aid, spGive, "donate", "donates", "donated", "donating")
	verb(dirS, del, "", 0, "send", "sends", "sent", "sending")
	verb(dirS, del, "", 0, "ship", "", "shipped", "shipping") // "to ship" is no weapon: a blocker in the weapons lexicon
	verb(dirS, del, "", 0, "hand over", "hands over", "handed over", "handing over")
	// "handed the Bangladesh Navy two frigates": the double object of give, but a sale.
	verb(dirS, del, "", spHand, "hand", "hands", "handed", "handing")
	// "pass on Swiss-built APCs to Ukraine": kept only before a weapon
	// (keepTrigger); "passed on the offer" declines it.
	verb(dirS, del, "", 0, "pass on", "passes on", "passed on", "passing on")
	verb(dirS, del, "", 0, "equip", "equips", "equipped", "equipping")
	verb(dirS, del, "", spArm, "arm", "", "armed", "arming")
	verb(dirS, del, aid, spGive, "give", "gives", "", "giving", "part=given", "pastonly=gave")
	verb(dirS, del, aid, spGive, "", "", "gifted", "gifting")
	verb(dirS, del, "", 0, "airlift", "airlifts", "airlifted", "airlifting")
	verb(dirS, del, "", 0, "dispatch", "dispatches", "dispatched", "dispatching")
	verb(dirS, pln, "", 0, "", "", "offered", "offering")
	verb(dirS, pln, "", 0, "", "", "marketed", "marketing")
	verb(dirS, pln, "", 0, "promise", "promises", "promised", "promising")
	verb(dirS, pln, "", 0, "pledge", "pledges", "pledged", "pledging")
	verb(dirS, pln, "", 0, "earmark", "earmarks", "earmarked", "earmarking")
	// A buyer's trials of a foreign weapon are a plan: "ARMA vehicles are being tested by Kazakhstan".
	verb(dirR, pln, "", 0, "", "", "tested|trialled|trialed", "testing|trialling|trialing")
	verb(dirS, del, "", spArrive, "arrive", "arrives", "arrived", "arriving")
	verb(dirS, del, "", spArrive, "touch down", "touches down", "touched down", "touching down")
	verb(dirS, del, aid, spReturn, "return", "returns", "returned", "returning")
	verb(dirS, del, aid, spReturn, "hand back", "hands back", "handed back", "handing back")
	verb(dirS, del, aid, spReturn, "send back", "sends back", "sent back", "sending back")
	verb(dirS, del, aid, spReturn, "give back", "gives back", "gave back", "giving back", "part=given back")
	// Words that are nouns or verbs: decided in context.
	for _, w := range []struct {
		d     dir
		st    bot.Status
		k     bot.Kind
		words string
	}{
		{dirS, del, "", "supplies|export|exports|re-export|re-exports|transfer|transfers|ships"},
		{dirS, pln, "", "offer|offers"},
		{dirS, del, aid, "gift|gifts"},
		{dirR, del, "", "import|imports"},
		// A purchase says the goods were bought, not that they arrived.
		{dirR, ord, "", "purchase|purchases"},
		{dirR, ord, "", "order|orders"},
	} {
		triggers.add(w.words, trigSpec{dir: w.d, status: w.st, kind: w.k, form: fThird, ambig: true})
	}

	// Recipient-subject verbs.
	// Buying verbs say a deal was made, nothing of delivery: ordered, as
	// the annotation guidelines read "bought/purchased/procured". A
	// delivery word in the same text ("bought and received") still
	// gives delivered.
	verb(dirR, ord, "", 0, "buy", "buys", "bought", "buying")
	verb(dirR, ord, "", 0, "", "", "purchased", "purchasing")
	// "acquired" stays an order although some annotators read "has
	// acquired three frigates" as a delivery: news also writes it of a
	// contract just signed ("Indonesia acquired 42 Rafales"), and a
	// delivery claimed wrongly costs more than one understated.
	verb(dirR, ord, "", 0, "acquire", "acquires", "acquired", "acquiring")
	verb(dirR, ord, "", 0, "procure", "procures", "procured", "procuring")
	verb(dirR, ord, "", 0, "", "", "ordered", "ordering")
	verb(dirR, del, "", 0, "", "", "imported", "importing")
	verb(dirR, del, "", 0, "receive", "receives", "received", "receiving")
	verb(dirR, del, "", 0, "obtain", "obtains", "obtained", "obtaining")
	verb(dirR, del, "", 0, "take delivery of|take delivery", "takes delivery of|takes delivery",
		"", "taking delivery of|taking delivery", "part=taken delivery of|taken delivery", "pastonly=took delivery of|took delivery")
	// "presented 50 vehicles to the Special Operations Forces of Uzbekistan" (see keepPresent).
	verb(dirS, del, "", spPresent, "present", "presents", "presented", "presenting")
	verb(dirR, del, "", 0, "take possession of", "takes possession of", "", "taking possession of",
		"part=taken possession of", "pastonly=took possession of")
	verb(dirR, del, "", 0, "accept delivery of|accept delivery", "accepts delivery of|accepts delivery",
		"accepted delivery of|accepted delivery", "accepting delivery of|accepting delivery")
	verb(dirR, del, "", 0, "induct", "inducts", "inducted", "inducting")
	verb(dirR, del, "", 0, "", "", "integrated", "")
	verb(dirR, del, "", 0, "take into service", "takes into service", "", "taking into service",
		"part=taken into service", "pastonly=took into service")
	verb(dirR, del, "", 0, "", "", "fielded", "fielding")
	verb(dirR, del, "", 0, "", "commissions", "commissioned", "")
	verb(dirR, ord, "", 0, "await", "awaits", "awaited", "awaiting")
	// "another eight are still being expected from the United States": goods awaited from a supplier.
	verb(dirR, ord, "", 0, "", "", "expected from", "")
	verb(dirR, pln, "", 0, "seek", "seeks", "sought", "seeking")
	verb(dirR, pln, "", spTurnTo, "turn to", "turns to", "turned to", "turning to")
	verb(dirR, ord, "", 0, "sign for", "signs for", "signed for", "signing for")
	// "Vietnam contracted South Korea's Hanwha for K9 howitzers"; "Ukraine will get Gripens from Sweden".
	verb(dirR, ord, "", 0, "", "", "contracted", "")
	verb(dirR, del, "", 0, "get", "gets", "", "getting")
	verb(dirR, del, "", spHand, "", "", "", "", "pastonly=got", "part=gotten")
	// "has started using Swedish CV90s", "Russia is using Iranian drones": the user holds them.
	triggers.add("started using|starts using|start using|began using|begun using|begin using|been using|is using|are using|was using|were using|"+
		"is already using|are already using|was already using|were already using|is still using|are still using|was still using|were still using",
		trigSpec{dir: dirR, status: del, form: fThird, sp: spUse})
	verb(dirR, del, "", spUse, "deploy", "deploys", "deployed", "deploying")
	// "Uzbekistan operates Chinese Wing Loong drones": the operator holds a weapon of another make.
	verb(dirR, del, "", spOperate, "operate", "operates", "", "operating")
	verb(dirR, del, "", spOperate, "", "flies", "", "")
	// A lease hands the goods over: "Hungary leased Gripens from Sweden", "Sweden leased Gripens to Hungary" (see keepLease).
	verb(dirS, del, "", spLease, "lease", "leases", "leased", "leasing")
	// Goods handed on: "passed on", and "passed howitzers of Finnish origin on to Ukraine" (see keepPassOn).
	verb(dirS, del, "", 0, "pass on", "passes on", "passed on", "passing on")
	verb(dirS, del, "", spPassOn, "pass", "passes", "passed", "passing")
	// "welcomed its first Rafale jets": only with the weapon close after it (keepHand).
	verb(dirR, del, "", spHand, "", "welcomes", "welcomed", "welcoming")

	// Licensing to a producer: "Italy will license the production of M-346 trainers to Poland".
	triggers.add("license|licence|licenses|licences", trigSpec{dir: dirS, status: del, kind: lic, form: fBase, ambig: true})
	// Licensed production.
	verb(dirR, del, lic, spProduce, "produce", "produces", "produced", "producing")
	verb(dirR, del, lic, spProduce, "build", "builds", "built", "building")
	verb(dirR, del, lic, spProduce, "assemble", "assembles", "assembled", "assembling")
	verb(dirR, del, lic, spProduce, "manufacture", "manufactures", "manufactured", "manufacturing")
	verb(dirR, del, lic, spProduce, "co-produce", "co-produces", "co-produced", "co-producing")
	verb(dirR, del, lic, spProduce, "", "turns out", "turned out", "turning out")
	noun(dirR, del, lic, spProduce, "production|licensed production|licence production|license production|"+
		"local production|joint production|co-production|assembly|local assembly|licensed assembly")

	// Usage: the weapon's origin supplies the user.
	// "Poland became the first foreign operator of the K239": the operator holds the weapon.
	noun(dirU, del, "", 0, "operator of|operators of|foreign operator of|export operator of|user of|users of|foreign user of")
	// "Embraer's C-390 already serves operators including Portugal, Hungary and ...": the list holds the weapon.
	noun(dirU, del, "", 0, "operators including|operators such as|users including|users such as")
	noun(dirU, del, "", 0, "entered service with|enter service with|enters service with|entering service with|"+
		"in service with|operated by|in the hands of|in use with|flown by|used by|in the inventory of|"+
		"in the arsenal of|entered service in|in service in")

	// Nouns.
	noun(dirS, del, "", 0, "sale|sales|delivery|deliveries|shipment|shipments|"+
		"arms transfer|arms transfers|arms supplies|arms deliveries")
	noun(dirS, del, aid, 0, "donation|donations|military aid|military assistance|security assistance|"+
		"military-technical assistance|military technical assistance|lethal aid")
	noun(dirS, pln, aid, 0, "aid package|military aid package|assistance package|security assistance package")
	noun(dirS, del, "", spSupplier, "supplier|suppliers|arms supplier|arms suppliers")
	// "Sweden is one of Ukraine's largest military donors": the possessor receives aid.
	noun(dirS, del, aid, spSupplier, "donor|donors|military donor|military donors|arms donor|arms donors")
	// A customer has bought (the guidelines: ordered, nothing said of delivery).
	noun(dirS, ord, "", spCustomer, "customer|customers|client|clients|export customer|export customers|"+
		"foreign customer|foreign customers|foreign client|foreign clients|export client|export clients|"+
		"buyer|buyers|foreign buyer|foreign buyers|export buyer|export buyers")
	noun(dirS, pln, "", spExportPerm, "export licence|export licences|export license|export licenses|"+
		"export permit|export permits|export licensing|export approval|export approvals")
	noun(dirR, ord, "", 0, "acquisition|acquisitions|procurement")
	noun(dirR, del, "", 0, "dependence on|reliance on|dependency on")

	// Light triggers: a status and a counterpart; the direction comes from
	// a trigger they govern, else from the subject.
	light(dirR, ord, "", 0, fNoun, "contract|contracts|deal|deals|agreement|agreements|arms deal|arms deals|purchase agreement")
	light(dirR, ord, lic, 0, fNoun, "licence agreement|license agreement|licensing agreement|licence deal|license deal")
	light(dirR, pln, "", 0, fNoun, "talks|negotiations|interest in|interested in|discussions")
	// A letter of intent or a memorandum of understanding comes before a
	// contract (the annotation guidelines: planned).
	light(dirR, pln, "", 0, fNoun, "letter of intent|letters of intent|memorandum of understanding|"+
		"memoranda of understanding|memorandum|mou|statement of intent|declaration of intent")
	// A preliminary or initial agreement is not yet a contract (rd8).
	light(dirR, pln, "", 0, fNoun, prelimAgreements)
	light(dirR, pln, lic, 0, fNoun, prelimLicences)
	light(dirR, pln, "", 0, fIng, "negotiating|negotiate|negotiates|negotiated")
	for _, v := range []string{"won", "wins", "win", "winning", "secured", "secures", "received", "receives", "landed", "lands", "bagged"} {
		for _, d := range []string{"", "a ", "an ", "the ", "new ", "a new "} {
			for _, n := range []string{"order", "orders", "contract", "contracts"} {
				light(dirS, ord, "", spWinOrder, fNoun, v+" "+d+n)
			}
		}
	}
}

// cue kinds that modify a trigger's status.
type cue uint8

const (
	cueNone cue = iota
	cueOrdered
	cuePlanned
	cueCancel
	cueDeny
	cueNeg
)

var cues = newPhraseSet[cue]()

func init() {
	cues.add("cancel|cancels|cancelled|canceled|cancelling|canceling|cancellation|suspend|suspends|suspended|"+
		"suspending|suspension|block|blocks|blocked|blocking|halt|halts|halted|halting|freeze|freezes|froze|frozen|"+
		"freezing|call off|calls off|called off|calling off|shelve|shelves|shelved|embargo|embargoes|embargoed|"+
		"refuse|refuses|refused|refusing|turn down|turns down|turned down|turning down|scrap|scraps|scrapped|"+
		"terminate|terminated|terminates|veto|vetoed|vetoes|ban|bans|banned|stop|stops|stopped|pulled out of|"+
		"withdrew from|abandoned|abandons|rejected|rejects|reject|declined|declines|put on hold|ditch|ditches|ditched|"+
		"ditching|prohibit|prohibits|prohibited|prohibiting|forbid|forbids|forbade|forbidden|bar|bars|barred|barring|"+
		"give up|gives up|gave up|giving up|given up|"+
		"limit|limits|restrict|restricts|restricted|restricting|curb|curbs|curbed|curbing|"+
		"came to a halt|come to a halt|comes to a halt|ground to a halt|"+
		"prevent|prevents|prevented|preventing|revoke|revokes|revoked|revoking|annul|annuls|annulled|annulling|"+
		"invalidate|invalidates|invalidated|invalidating|rule out|rules out|ruled out|ruling out", cueCancel)
	cues.add("deny|denies|denied|denying|denial|refute|refutes|refuted|refuting|"+
		"dismissed reports|dismisses reports|dismissed media reports|dismissed claims|dismisses claims|"+
		// what a speaker calls false: "spreading false information about
		// Chinese drones being delivered to Ukraine"
		"false information|false reports|false report|false claims|false claim|disinformation|misinformation|"+
		"fake news|unfounded|baseless|groundless|fabricated|fabrication|fabrications|untrue|slandering", cueDeny)
	cues.add("talks|negotiating|negotiate|negotiates|negotiation|negotiations|considering|consider|considers|"+
		"interest|interested|offer|offers|offered|plan|plans|planned|planning|may|might|could|can|cannot|looking at|looking to|"+
		"look at|looks at|seek|seeks|seeking|sought|hope|hopes|hoped|hoping|want|wants|wanted|marketing|"+
		"approve|approves|approved|approval|possible|potential|proposed|propose|proposes|proposal|pledge|pledged|"+
		"pledges|promise|promised|promises|discuss|discussed|discussing|discussion|discussions|mull|mulls|mulling|"+
		"eye|eyes|eyeing|explore|explores|exploring|explored|intend|intends|intended|aims to|aiming to|"+
		"would like|wishes to|tender|shortlisted|evaluating|evaluate|evaluates|bid to|bidding|option of|options of|option to|"+
		"cleared|clears|able to|process of|committed to|commits to|committing to|letter of intent|letters of intent|memorandum of understanding|"+
		"memoranda of understanding|memorandum|mou|statement of intent|declaration of intent|close to|closer to|nearing|"+
		"suggest|suggests|suggested|suggesting|tempt|tempts|tempted|tempting|woo|woos|wooed|wooing|courting|"+
		"draft law|draft laws|draft bill|draft agreement|draft decree|readiness to|ready to|"+
		"on the verge of|poised to|way for|green light|go-ahead|"+prelimAgreements+"|"+prelimLicences, cuePlanned)
	cues.add("agree|agrees|agreed|agreeing|agreement|agreements|sign|signs|signed|signing|contract|contracts|deal|deals|order|orders|"+
		"ordered|will|would|shall|should|await|awaits|awaiting|due|delay|delays|delayed|delaying|postpone|postpones|"+
		"postponed|finalise|finalised|finalize|finalized|finalising|pending|set to|expected to|expects to|expect to|expecting to|scheduled to|won|"+
		"secured|is to|are to|was to|were to", cueOrdered)
	cues.add("not|never|no longer|lacks|lack|lacked|lacking", cueNeg)
}

// Words around actors and weapons.
var (
	// orgNouns make a demonym an actor ("the Kyrgyz defence ministry") and a
	// weapon word a modifier ("air defence forces").
	orgNouns = words("government governments ministry ministries minister ministers president premier army " +
		"armies navy navies force forces military militaries troops guards guard service services officials " +
		"official authorities firms firm companies company manufacturers makers contractors units unit command " +
		"leadership leaders leader delegation embassy embassies ambassador ambassadors consulate diplomats envoy envoys " +
		"counterpart counterparts parliament police " +
		"gendarmerie regime administration cabinet agency spokesman spokeswoman spokesperson general generals " +
		"commander commanders officers corps brigade brigades battalions regiment division marines soldiers " +
		"pilots crews exercises exercise drill drills programme program programs programmes budget budgets " +
		"industry industries sector capability capabilities network academy school cooperation market markets " +
		"officer personnel side state states team doctrine strategy fleet fleets modernisation modernization " +
		"parade purchases spending factories factory shipyard shipyards plant plants manufacturer maker " +
		"exporter exporters producer producers dealer dealers")
	// weaponOrgNouns are the orgNouns after which a weapon word is not a weapon.
	weaponOrgNouns = words("forces force troops units unit command exercises exercise drill drills programme program " +
		"programs programmes budget budgets industry industries sector capability capabilities network academy " +
		"school cooperation market markets personnel doctrine strategy corps fleet fleets pilots crews " +
		"officers regiment brigade modernisation modernization spending parade maker makers manufacturer manufacturers " +
		"producer producers exporter exporters dealer dealers")
	// madeWords after a hyphen make a name the origin of a weapon ("Turkish-made").
	madeWords = words("made built supplied designed produced manufactured developed origin sourced delivered " +
		"provided licensed licence-built license-built")
	// notActorAfterHyphen drop a demonym ("Russian-language media", "Soviet-era tanks").
	notActorAfterHyphen = words("language speaking era style based born backed led occupied controlled " +
		"held funded owned leaning friendly bound design designed")
	// skipBeforeActor are words between a preposition and the actor it governs.
	skipBeforeActor = words("the a an its their his her all both every each three five four two six several " +
		"many other various some most new neighbouring neighboring fellow member members countries states " +
		"nations customers buyers clients partners neighbours neighbors such as including like allies ally " +
		"remaining former central royal")
	// placeWords before an actor make it a place ("visited Ankara").
	placeWords = words("visited visiting visits visit trip trips travelled traveled flew arrived held hosted " +
		"landed stationed based located headquartered summit meeting talks-in")
	// placePreps make the actor after them a place, not a party.
	placePreps = words("in at near inside across through against into within outside toward towards around unlike " +
		"over during throughout beyond along off onto upon")
	// preps govern the actors after them.
	preps = words("to from by with for of in at on near inside across through against into within outside " +
		"toward towards around over under about among including except excluding between during via unlike " +
		"throughout beyond along onto upon than")
	// clauseWords start a new clause after a comma or on their own.
	clauseConj = words("while whereas but although though yet")
	// relWords start a relative clause whose subject is the antecedent.
	relWords = words("which who whom whose")
	// participles after a comma that open a clause sharing the subject.
	clauseIng = words("saying calling citing adding ending completing noting arguing insisting claiming " +
		"stressing explaining warning describing signaling signalling underscoring underlining highlighting " +
		"reflecting demonstrating indicating")
	// reportVerbs end an attribution clause (", the ministry said").
	reportVerbs = words("said says told reported reports confirmed confirms added announced stated noted claimed " +
		"claims wrote according")
	// pronouns that stand for a country named elsewhere.
	countryPronouns = words("it its itself the country the government")
	// weaponPronouns stand for weapons named elsewhere.
	weaponPronouns = words("them they these those ones it")
	// moreWords mark a new batch of the same weapon ("four more").
	moreWords = words("more another additional further second third new extra")
	// aidWords make a transfer aid.
	aidPhrases = newPhraseSet[bool]()
	// licPhrases make a transfer licensed production.
	licPhrases = newPhraseSet[bool]()
	// noEvidence phrases cancel the claim they govern ("found no evidence that").
	noEvidence = newPhraseSet[bool]()
	// trendWords describe market trends, never one transfer.
	trendWords = words("grew grow grows rose rise rises fell fall falls increased increase increases decreased " +
		"declined decline declines doubled tripled halved surged soared dropped jumped slumped")
	// armsWords are generic words for arms, with no SIPRI category.
	armsWords = newPhraseSet[bool]()
	// nonArms objects make a trade verb not an arms transfer.
	months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
		"oct": 10, "nov": 11, "dec": 12}
	// notDesignation are capitalised words that never start or form a weapon designation.
	notDesignation = words("the a an two three four five six seven eight nine ten eleven twelve dozens dozen " +
		"several some new first second third last latest its their his her this that these those and or of " +
		"in on at to for from with by as it they we he she our additional more other further refurbished " +
		"among between since after before during under over about among deliveries delivery sale sales " +
		"president minister ministry government army navy air force national guard state department")
)

func init() {
	aidPhrases.add("donate|donates|donated|donating|donation|donations|gift|gifts|gifted|gifting|as a gift|"+
		"free of charge|for free|free|aid|military aid|assistance|grant|grants|aid package|gratis", true)
	licPhrases.add("under licence|under license|under a licence|under a license|licence agreement|"+
		"license agreement|licensing agreement|licensed production|licensed|licence-built|license-built|"+
		"licence from|license from|jointly produce|jointly produces|jointly produced|jointly producing|"+
		"jointly with|joint production|co-produce|co-produces|co-produced|co-production|local assembly|"+
		"assemble|assembles|assembled|assembling|assembly|locally|local production|licence production|"+
		"license production|licensed assembly|licence deal|license deal", true)
	noEvidence.add("no evidence|no sign|no signs|no indication|no proof|no confirmation|unclear whether|"+
		"not clear whether|whether|rumours|rumors|speculation", true)
	armsWords.add("arms|weapons|weapon|weaponry|military equipment|defence equipment|defense equipment|"+
		"military hardware|hardware|munitions|materiel|military goods|military supplies|military products|"+
		"military vehicles|equipment|arms and equipment|military kit|lethal aid", true)
}
