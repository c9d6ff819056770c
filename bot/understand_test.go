package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestUnderstand(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		q    string
		want string // intent S=suppliers R=recipients cats kinds system years
	}{
		{"Who supplies Kazakhstan with drones?", "suppliers S[] R[Kazakhstan] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"who arms Tajikistan", "suppliers S[] R[Tajikistan] cat[] kind[] sys[] 0-0"},
		{"where does Uzbekistan get its helicopters", "suppliers S[] R[Uzbekistan] cat[Aircraft] kind[helicopter] sys[] 0-0"},
		{"what has Turkey sold to Uzbekistan since 2020?", "between S[Turkey] R[Uzbekistan] cat[] kind[] sys[] 2020-0"},
		{"What does China export?", "recipients S[China] R[] cat[] kind[] sys[] 0-0"},
		{"which countries does Russia supply", "recipients S[Russia] R[] cat[] kind[] sys[] 0-0"},
		{"did Kazakhstan buy Bayraktar TB2 drones from Turkey?", "between S[Turkey] R[Kazakhstan] cat[Aircraft] kind[] sys[Bayraktar TB2] 0-0"},
		{"Turkey and Kazakhstan", "between S[Turkey] R[Kazakhstan] cat[] kind[] sys[] 0-0 either"},
		{"air defence Kyrgyzstan", "suppliers S[] R[Kyrgyzstan] cat[Air-defence systems] kind[] sys[] 0-0"},
		{"suppliers Turkmenistan", "suppliers S[] R[Turkmenistan] cat[] kind[] sys[] 0-0"},
		{"recipients Turkey", "recipients S[Turkey] R[] cat[] kind[] sys[] 0-0"},
		{"between Turkey Kazakhstan", "between S[Turkey] R[Kazakhstan] cat[] kind[] sys[] 0-0"},
		{"Kazakhstan's suppliers in 2023", "suppliers S[] R[Kazakhstan] cat[] kind[] sys[] 2023-2023"},
		{"Turkish drones", "recipients S[Turkey] R[] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"who sold arms to Central Asia between 2016 and 2018", "suppliers S[] R[Kazakhstan Kyrgyzstan Tajikistan Turkmenistan Uzbekistan] cat[] kind[] sys[] 2016-2018"},
		{"who supplies Казахстан last year", "suppliers S[] R[Kazakhstan] cat[] kind[] sys[] 2025-2025"},
		// a demonym before the forces is the country whose forces: "for the Royal Malaysian Navy"
		{"How many vessels is Turkey building for the Royal Malaysian Navy?", "between S[Turkey] R[Malaysia] cat[] kind[vessel] sys[] 0-0"},
		{"Who supplies the Uzbek army with tanks?", "suppliers S[] R[Uzbekistan] cat[Armoured vehicles] kind[tank] sys[] 0-0"},
		// boats and vessels are kinds a question asks about, not a category
		{"russian boats uganda", "between S[Russia] R[Uganda] cat[] kind[boat] sys[] 0-0"},
		// a demonym on the goods, with both sides named otherwise, is their origin
		{"Did Ecuador send its old Russian equipment to the United States?", "between S[Ecuador] R[United States] cat[] kind[] sys[] 0-0"},
		{"Did Poland send its Soviet tanks to Ukraine?", "between S[Poland] R[Ukraine] cat[Armoured vehicles] kind[tank] sys[] 0-0"},
		{"Did Kazakhstan receive Turkish drones?", "between S[Turkey] R[Kazakhstan] cat[Aircraft] kind[drone] sys[] 0-0"},
		{"Did India hand over interceptor boats to Mozambique in 2022?", "between S[India] R[Mozambique] cat[] kind[boat] sys[] 2022-2022"},
		{"Did India deliver interceptors to Mozambique?", "between S[India] R[Mozambique] cat[Missiles] kind[interceptor] sys[] 0-0"},
		{"Which Caucasus countries has the United States supplied?", "recipients S[United States] R[Armenia Azerbaijan Georgia] cat[] kind[] sys[] 0-0"},
		{"how much did Kazakhstan spend on defence", "passages S[] R[] cat[] kind[] sys[] 0-0"},
		{"Central Asia defence spending 2023", "passages S[] R[] cat[] kind[] sys[] 2023-2023"},
		// a loose kind word beside a system is no namesake: loitering munitions are "drones", air defence "missiles"
		{"did Kenya buy Harop drones from Israel?", "between S[Israel] R[Kenya] cat[Missiles Aircraft] kind[] sys[Harop] 0-0"},
		{"did Nairobi get FK-3 missiles from China?", "between S[China] R[Kenya] cat[Air-defence systems Missiles] kind[] sys[FK-3] 0-0"},
		// a multinational maker is the home where the system asked about is built
		{"who is selling Airbus C295s to Ghana?", "between S[Spain] R[Ghana] cat[Aircraft] kind[] sys[C-295] 0-0"},
		{"what has Airbus sold to Ghana?", "between S[France] R[Ghana] cat[] kind[] sys[] 0-0"},
		// regions only questions name: "which North African countries", "South American"
		{"Which North African countries has Spain armed?", "recipients S[Spain] R[Algeria Egypt Libya Morocco Sudan Tunisia] cat[] kind[] sys[] 0-0"},
		{"who sells tanks to south american countries", "suppliers S[] R[Argentina Bolivia Brazil Chile Colombia Ecuador Guyana Paraguay Peru Suriname Uruguay Venezuela] cat[Armoured vehicles] kind[tank] sys[] 0-0"},
		{"did South Africa sell drones to Algeria?", "between S[South Africa] R[Algeria] cat[Aircraft] kind[drone] sys[] 0-0"},
		// a rifle named by its maker in the plural is the rifle, not the maker
		{"is Bamako buying Kalashnikovs from Moscow?", "between S[Russia] R[Mali] cat[Other] kind[] sys[AK-47] 0-0"},
		// a class named by two capitalised words, as the extractor keeps it
		{"Has Chile received a James Cook-class frigate from Britain?", "between S[United Kingdom] R[Chile] cat[Ships] kind[] sys[James Cook] 0-0"},
		{"Did Peru buy the Adelaide-class frigates?", "suppliers S[] R[Peru] cat[Ships] kind[] sys[Adelaide] 0-0"},
	} {
		u := Understand(tc.q, now)
		got := fmt.Sprintf("%s S%v R%v cat%v kind%v sys[%s] %d-%d", u.Intent, u.Suppliers, u.Recipients, u.Categories, u.Kinds, u.System, u.YearFrom, u.YearTo)
		if u.Either {
			got += " either"
		}
		got = strings.ReplaceAll(got, "[]", "[]")
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.q, got, tc.want)
		}
	}
}

func FuzzUnderstand(f *testing.F) {
	for _, s := range []string{"Who supplies Kazakhstan with drones?", "between Turkey Kazakhstan", "since 2020 Казахстан", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		u := Understand(q, time.Now())
		if u.Intent < IntentPassages || u.Intent > IntentBetween {
			t.Fatalf("intent %d", u.Intent)
		}
		if u.Form < FormList || u.Form > FormCount {
			t.Fatalf("form %d", u.Form)
		}
	})
}
