package gazetteer

// The regional groups, manufacturers and blockers below were written by the
// briefbot authors.

// euMembers are the 27 member states of the European Union (2025).
var euMembers = []string{
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
	"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}

// groupData lists the regional groups that stand for several countries.
//
// Choices worth knowing:
//   - "Europe" means the European supplier base as arms-trade reporting uses
//     the word: the EU 27 plus the United Kingdom, Norway, Switzerland,
//     Iceland and Liechtenstein. Russia, Belarus, Ukraine, Turkey and the
//     Western Balkans are not in it; they have groups or names of their own.
//   - "CSTO" keeps Armenia, which froze but did not leave its membership.
//   - "ASEAN" includes Timor-Leste, admitted as the eleventh member in 2025.
//   - "Sahel" is the five states of the former G5 Sahel; the three that
//     formed the Alliance of Sahel States have their own group.
var groupData = []Group{
	{
		Name:    "Central Asia",
		Members: []string{"KZ", "KG", "TJ", "TM", "UZ"},
		Aliases: []string{
			"Central Asian", "Central Asian states", "Central Asian countries",
			"Central Asian republics", "Central Asian nations",
			"five Central Asian states", "five Central Asian countries",
			"five Central Asian republics",
			"Центральная Азия", "Центральной Азии", "Центральную Азию",
		},
	},
	{
		Name:    "Gulf states",
		Members: []string{"SA", "AE", "QA", "KW", "BH", "OM"},
		Aliases: []string{
			"GCC", "Gulf Cooperation Council", "Gulf Arab states", "Arab Gulf states",
			"Gulf monarchies", "Gulf countries", "Gulf Arab countries",
			"Cooperation Council for the Arab States of the Gulf",
		},
	},
	{
		Name:    "European Union",
		Members: euMembers,
		Aliases: []string{
			"EU", "E.U.", "European Commission", "European Council",
			"European Parliament", "ЕС", "Евросоюз", "Евросоюза",
		},
	},
	{
		Name:    "Europe",
		Members: append(append([]string{}, euMembers...), "GB", "NO", "CH", "IS", "LI"),
		Aliases: []string{
			"European", "Europeans", "European countries", "European states",
			"European nations", "Western Europe", "Western European",
			"Европа", "Европы", "Европе",
		},
	},
	{
		Name: "NATO",
		Members: []string{
			"US", "CA", "GB", "FR", "DE", "IT", "ES", "PT", "NL", "BE", "LU", "DK", "NO", "IS",
			"TR", "GR", "PL", "CZ", "SK", "HU", "RO", "BG", "SI", "HR", "AL", "ME", "MK", "EE",
			"LV", "LT", "FI", "SE",
		},
		Aliases: []string{
			"Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation",
			"North Atlantic Alliance", "Atlantic Alliance", "НАТО",
		},
	},
	{
		Name:    "CSTO",
		Members: []string{"RU", "BY", "AM", "KZ", "KG", "TJ"},
		Aliases: []string{
			"Collective Security Treaty Organization", "Collective Security Treaty Organisation",
			"ОДКБ",
		},
	},
	{
		Name: "SCO",
		Members: []string{
			"CN", "RU", "IN", "PK", "IR", "KZ", "KG", "TJ", "UZ", "BY",
		},
		Aliases: []string{
			"Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "ШОС",
		},
	},
	{
		Name:    "South Caucasus",
		Members: []string{"AM", "AZ", "GE"},
		Aliases: []string{"Transcaucasia", "South Caucasian states", "Южный Кавказ", "Южного Кавказа"},
	},
	{
		Name:    "Baltic states",
		Members: []string{"EE", "LV", "LT"},
		Aliases: []string{"Baltics", "Baltic countries", "Baltic republics", "Baltic nations"},
	},
	{
		Name:    "Nordic countries",
		Members: []string{"DK", "FI", "IS", "NO", "SE"},
		Aliases: []string{"Nordics", "Nordic states", "Nordic nations"},
	},
	{
		Name:    "ASEAN",
		Members: []string{"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"},
		Aliases: []string{"Asean", "Association of Southeast Asian Nations", "Association of South-East Asian Nations"},
	},
	{
		Name:    "Sahel",
		Members: []string{"ML", "BF", "NE", "TD", "MR"},
		Aliases: []string{"Sahel states", "Sahel countries", "Sahelian states", "G5 Sahel", "G5 Sahel states"},
	},
	{
		Name:    "Alliance of Sahel States",
		Members: []string{"ML", "BF", "NE"},
		Aliases: []string{"Confederation of Sahel States"},
	},
	{
		Name:    "Maghreb",
		Members: []string{"DZ", "LY", "MA", "MR", "TN"},
		Aliases: []string{"Maghreb states", "Maghreb countries", "Maghrebi states"},
	},
	{
		Name:    "Western Balkans",
		Members: []string{"AL", "BA", "XK", "ME", "MK", "RS"},
		Aliases: []string{"Western Balkan states", "Western Balkan countries"},
	},
}

// manufacturerData maps arms makers and state export agencies to their home
// countries. Codes lists the home countries with the principal one first.
//
// Multinational firms keep all their home countries rather than picking one:
// Airbus (France, Germany, Spain), Airbus Defence and Space (Germany, Spain,
// France), MBDA (France, United Kingdom, Italy, Germany), KNDS (France,
// Germany), Eurofighter (Germany, United Kingdom, Italy, Spain), Nammo
// (Norway, Finland) and BrahMos Aerospace (India, Russia). Subsidiaries that
// sit in one country map to that country: Airbus Helicopters and its old name
// Eurocopter to France, Nexter to France, Krauss-Maffei Wegmann to Germany.
// "Bell" alone is too common a word, so only "Bell Textron" and "Bell
// Helicopter" are recognised.
var manufacturerData = []Manufacturer{
	// Turkey
	{Name: "Baykar", Codes: []string{"TR"}, Aliases: []string{"Baykar Defence", "Baykar Technology", "Baykar Makina"}},
	{Name: "Turkish Aerospace", Codes: []string{"TR"}, Aliases: []string{"Turkish Aerospace Industries", "TAI", "TUSAS", "TUSAŞ", "Türk Havacılık ve Uzay Sanayii"}},
	{Name: "Aselsan", Codes: []string{"TR"}, Aliases: []string{"ASELSAN"}},
	{Name: "Roketsan", Codes: []string{"TR"}, Aliases: []string{"ROKETSAN"}},
	{Name: "Otokar", Codes: []string{"TR"}},
	{Name: "FNSS", Codes: []string{"TR"}, Aliases: []string{"FNSS Defence Systems", "FNSS Savunma"}},
	{Name: "STM", Codes: []string{"TR"}, Aliases: []string{"STM Savunma", "STM Defence Technologies"}},
	{Name: "Nurol Makina", Codes: []string{"TR"}, Aliases: []string{"Nurol"}},
	{Name: "BMC", Codes: []string{"TR"}, Aliases: []string{"BMC Otomotiv", "BMC Defence"}},
	{Name: "MKE", Codes: []string{"TR"}, Aliases: []string{"MKEK", "Makine ve Kimya Endüstrisi"}},
	{Name: "Havelsan", Codes: []string{"TR"}, Aliases: []string{"HAVELSAN"}},
	{Name: "TEI", Codes: []string{"TR"}, Aliases: []string{"TUSAS Engine Industries", "TUSAŞ Motor Sanayii"}},
	{Name: "Dearsan", Codes: []string{"TR"}, Aliases: []string{"Dearsan Shipyard"}},
	// Italy
	{Name: "Leonardo", Codes: []string{"IT"}, Aliases: []string{"Leonardo S.p.A.", "Leonardo SpA", "Finmeccanica"}},
	{Name: "AgustaWestland", Codes: []string{"IT"}, Aliases: []string{"Agusta"}},
	{Name: "Fincantieri", Codes: []string{"IT"}},
	{Name: "Iveco Defence Vehicles", Codes: []string{"IT"}, Aliases: []string{"IDV"}},
	{Name: "Oto Melara", Codes: []string{"IT"}, Aliases: []string{"OTO Melara"}},
	{Name: "Beretta", Codes: []string{"IT"}},
	// Russia
	{Name: "Rosoboronexport", Codes: []string{"RU"}, Aliases: []string{"Рособоронэкспорт"}},
	{Name: "Rostec", Codes: []string{"RU"}, Aliases: []string{"Rostekh", "Ростех"}},
	{Name: "Almaz-Antey", Codes: []string{"RU"}, Aliases: []string{"Алмаз-Антей"}},
	{Name: "Sukhoi", Codes: []string{"RU"}},
	{Name: "Mikoyan", Codes: []string{"RU"}, Aliases: []string{"RSK MiG", "Mikoyan-Gurevich"}},
	{Name: "Kalashnikov", Codes: []string{"RU"}, Aliases: []string{"Kalashnikov Concern", "Kalashnikov Group"}},
	{Name: "Uralvagonzavod", Codes: []string{"RU"}, Aliases: []string{"UVZ", "Уралвагонзавод"}},
	{Name: "Russian Helicopters", Codes: []string{"RU"}, Aliases: []string{"Вертолёты России"}},
	{Name: "United Aircraft Corporation", Codes: []string{"RU"}, Aliases: []string{"UAC"}},
	{Name: "Irkut", Codes: []string{"RU"}, Aliases: []string{"Irkut Corporation"}},
	{Name: "Yakovlev", Codes: []string{"RU"}},
	{Name: "Kamov", Codes: []string{"RU"}},
	{Name: "KBP Instrument Design Bureau", Codes: []string{"RU"}, Aliases: []string{"KBP"}},
	{Name: "Tactical Missiles Corporation", Codes: []string{"RU"}, Aliases: []string{"KTRV"}},
	{Name: "Kurganmashzavod", Codes: []string{"RU"}},
	{Name: "ZALA Aero", Codes: []string{"RU"}, Aliases: []string{"ZALA", "Zala Aero Group"}},
	// China
	{Name: "Norinco", Codes: []string{"CN"}, Aliases: []string{"NORINCO", "China North Industries Corporation", "China North Industries Group"}},
	{Name: "AVIC", Codes: []string{"CN"}, Aliases: []string{"Aviation Industry Corporation of China"}},
	{Name: "CASC", Codes: []string{"CN"}, Aliases: []string{"China Aerospace Science and Technology Corporation"}},
	{Name: "CASIC", Codes: []string{"CN"}, Aliases: []string{"China Aerospace Science and Industry Corporation"}},
	{Name: "Poly Technologies", Codes: []string{"CN"}, Aliases: []string{"Poly Group"}},
	{Name: "CATIC", Codes: []string{"CN"}, Aliases: []string{"China National Aero-Technology Import and Export Corporation", "China National Aero-Technology Import & Export Corporation"}},
	{Name: "CPMIEC", Codes: []string{"CN"}, Aliases: []string{"China Precision Machinery Import-Export Corporation"}},
	{Name: "CETC", Codes: []string{"CN"}, Aliases: []string{"China Electronics Technology Group"}},
	{Name: "CSSC", Codes: []string{"CN"}, Aliases: []string{"China State Shipbuilding Corporation"}},
	{Name: "Chengdu Aircraft Corporation", Codes: []string{"CN"}, Aliases: []string{"Chengdu Aircraft Industry Group"}},
	{Name: "Shenyang Aircraft Corporation", Codes: []string{"CN"}},
	{Name: "Hongdu", Codes: []string{"CN"}, Aliases: []string{"Hongdu Aviation"}},
	{Name: "DJI", Codes: []string{"CN"}},
	// United States
	{Name: "Lockheed Martin", Codes: []string{"US"}, Aliases: []string{"Lockheed"}},
	{Name: "Boeing", Codes: []string{"US"}},
	{Name: "RTX", Codes: []string{"US"}, Aliases: []string{"Raytheon", "Raytheon Technologies", "RTX Corporation"}},
	{Name: "General Atomics", Codes: []string{"US"}, Aliases: []string{"General Atomics Aeronautical Systems", "GA-ASI"}},
	{Name: "Northrop Grumman", Codes: []string{"US"}, Aliases: []string{"Northrop"}},
	{Name: "General Dynamics", Codes: []string{"US"}},
	{Name: "L3Harris", Codes: []string{"US"}, Aliases: []string{"L3Harris Technologies", "L3 Harris"}},
	{Name: "Textron", Codes: []string{"US"}, Aliases: []string{"Textron Systems"}},
	{Name: "Bell Textron", Codes: []string{"US"}, Aliases: []string{"Bell Helicopter", "Bell Helicopters"}},
	{Name: "Sikorsky", Codes: []string{"US"}},
	{Name: "AeroVironment", Codes: []string{"US"}},
	{Name: "Oshkosh Defense", Codes: []string{"US"}, Aliases: []string{"Oshkosh"}},
	{Name: "AM General", Codes: []string{"US"}},
	{Name: "Anduril", Codes: []string{"US"}, Aliases: []string{"Anduril Industries"}},
	{Name: "Pratt & Whitney", Codes: []string{"US"}, Aliases: []string{"Pratt and Whitney"}},
	{Name: "GE Aerospace", Codes: []string{"US"}, Aliases: []string{"General Electric"}},
	{Name: "Insitu", Codes: []string{"US"}},
	{Name: "Kratos", Codes: []string{"US"}, Aliases: []string{"Kratos Defense"}},
	// United Kingdom
	{Name: "BAE Systems", Codes: []string{"GB"}, Aliases: []string{"BAE"}},
	{Name: "Rolls-Royce", Codes: []string{"GB"}, Aliases: []string{"Rolls Royce"}},
	{Name: "Babcock", Codes: []string{"GB"}, Aliases: []string{"Babcock International"}},
	{Name: "QinetiQ", Codes: []string{"GB"}},
	// France
	{Name: "Thales", Codes: []string{"FR"}, Aliases: []string{"Thales Group"}},
	{Name: "Dassault Aviation", Codes: []string{"FR"}, Aliases: []string{"Dassault"}},
	{Name: "Naval Group", Codes: []string{"FR"}, Aliases: []string{"DCNS"}},
	{Name: "Safran", Codes: []string{"FR"}},
	{Name: "Nexter", Codes: []string{"FR"}, Aliases: []string{"Nexter Systems", "KNDS France"}},
	{Name: "Arquus", Codes: []string{"FR"}},
	{Name: "Airbus Helicopters", Codes: []string{"FR"}, Aliases: []string{"Eurocopter"}},
	// Multinational
	{Name: "Airbus", Codes: []string{"FR", "DE", "ES"}, Aliases: []string{"Airbus SE", "Airbus Group", "EADS"}},
	{Name: "Airbus Defence and Space", Codes: []string{"DE", "ES", "FR"}, Aliases: []string{"Airbus Defense and Space", "Airbus Defence & Space"}},
	{Name: "MBDA", Codes: []string{"FR", "GB", "IT", "DE"}},
	{Name: "KNDS", Codes: []string{"FR", "DE"}},
	{Name: "Eurofighter", Codes: []string{"DE", "GB", "IT", "ES"}, Aliases: []string{"Eurofighter GmbH"}},
	{Name: "Nammo", Codes: []string{"NO", "FI"}},
	{Name: "BrahMos Aerospace", Codes: []string{"IN", "RU"}},
	// Germany
	{Name: "Rheinmetall", Codes: []string{"DE"}},
	{Name: "Krauss-Maffei Wegmann", Codes: []string{"DE"}, Aliases: []string{"KMW", "Krauss Maffei Wegmann", "KNDS Deutschland"}},
	{Name: "Hensoldt", Codes: []string{"DE"}},
	{Name: "Diehl Defence", Codes: []string{"DE"}, Aliases: []string{"Diehl", "Diehl Defense"}},
	{Name: "ThyssenKrupp Marine Systems", Codes: []string{"DE"}, Aliases: []string{"TKMS", "thyssenkrupp Marine Systems"}},
	{Name: "Heckler & Koch", Codes: []string{"DE"}, Aliases: []string{"Heckler und Koch", "Heckler and Koch"}},
	{Name: "Lürssen", Codes: []string{"DE"}, Aliases: []string{"Luerssen"}},
	// Israel
	{Name: "Elbit Systems", Codes: []string{"IL"}, Aliases: []string{"Elbit"}},
	{Name: "Israel Aerospace Industries", Codes: []string{"IL"}, Aliases: []string{"IAI"}},
	{Name: "Rafael", Codes: []string{"IL"}, Aliases: []string{"Rafael Advanced Defense Systems"}},
	{Name: "Israel Weapon Industries", Codes: []string{"IL"}, Aliases: []string{"IWI"}},
	{Name: "Aeronautics Defense Systems", Codes: []string{"IL"}, Aliases: []string{"Aeronautics Ltd"}},
	{Name: "UVision", Codes: []string{"IL"}},
	// South Korea
	{Name: "Hanwha", Codes: []string{"KR"}, Aliases: []string{"Hanwha Aerospace", "Hanwha Defense", "Hanwha Ocean"}},
	{Name: "Korea Aerospace Industries", Codes: []string{"KR"}, Aliases: []string{"KAI"}},
	{Name: "Hyundai Rotem", Codes: []string{"KR"}},
	{Name: "LIG Nex1", Codes: []string{"KR"}, Aliases: []string{"LIG Nex One"}},
	// Other suppliers
	{Name: "Embraer", Codes: []string{"BR"}, Aliases: []string{"Embraer Defense & Security"}},
	{Name: "Avibras", Codes: []string{"BR"}},
	{Name: "Saab", Codes: []string{"SE"}, Aliases: []string{"SAAB", "Saab AB"}},
	{Name: "Patria", Codes: []string{"FI"}},
	{Name: "Kongsberg", Codes: []string{"NO"}, Aliases: []string{"Kongsberg Defence & Aerospace", "Kongsberg Defence and Aerospace"}},
	{Name: "Tatra", Codes: []string{"CZ"}, Aliases: []string{"Tatra Trucks", "Tatra Defence"}},
	{Name: "Aero Vodochody", Codes: []string{"CZ"}},
	{Name: "Omnipol", Codes: []string{"CZ"}},
	{Name: "Czechoslovak Group", Codes: []string{"CZ"}, Aliases: []string{"CSG"}},
	{Name: "Excalibur Army", Codes: []string{"CZ"}},
	{Name: "PGZ", Codes: []string{"PL"}, Aliases: []string{"Polska Grupa Zbrojeniowa", "Polish Armaments Group"}},
	{Name: "WB Group", Codes: []string{"PL"}, Aliases: []string{"WB Electronics"}},
	{Name: "Huta Stalowa Wola", Codes: []string{"PL"}, Aliases: []string{"HSW"}},
	{Name: "Ukroboronprom", Codes: []string{"UA"}, Aliases: []string{"UkrOboronProm", "Ukrainian Defense Industry", "Ukrainian Defence Industry", "Укроборонпром"}},
	{Name: "Antonov", Codes: []string{"UA"}},
	{Name: "Motor Sich", Codes: []string{"UA"}},
	{Name: "Ivchenko-Progress", Codes: []string{"UA"}},
	{Name: "Ukrspecexport", Codes: []string{"UA"}},
	{Name: "Paramount Group", Codes: []string{"ZA"}},
	{Name: "Denel", Codes: []string{"ZA"}},
	{Name: "HESA", Codes: []string{"IR"}, Aliases: []string{"Iran Aircraft Manufacturing Industrial Company"}},
	{Name: "Qods Aviation Industries", Codes: []string{"IR"}, Aliases: []string{"Qods Aviation", "Quds Aviation", "Quds Aviation Industries"}},
	{Name: "Shahed Aviation Industries", Codes: []string{"IR"}},
	{Name: "Iran Aviation Industries Organization", Codes: []string{"IR"}, Aliases: []string{"IAIO"}},
	{Name: "EDGE Group", Codes: []string{"AE"}, Aliases: []string{"EDGE"}},
	{Name: "Calidus", Codes: []string{"AE"}},
	{Name: "NIMR Automotive", Codes: []string{"AE"}},
	{Name: "Kazakhstan Engineering", Codes: []string{"KZ"}, Aliases: []string{"Kazakhstan Engineering National Company"}},
	{Name: "Kazakhstan Paramount Engineering", Codes: []string{"KZ"}},
	{Name: "Kazspecexport", Codes: []string{"KZ"}},
	{Name: "Belspetsvneshtechnika", Codes: []string{"BY"}, Aliases: []string{"BSVT", "Belspetsvneshtekhnika", "Белспецвнештехника"}},
	{Name: "MZKT", Codes: []string{"BY"}, Aliases: []string{"Minsk Wheeled Tractor Plant"}},
	{Name: "Tetraedr", Codes: []string{"BY"}},
	{Name: "Hindustan Aeronautics", Codes: []string{"IN"}, Aliases: []string{"Hindustan Aeronautics Limited", "HAL"}},
	{Name: "Bharat Electronics", Codes: []string{"IN"}, Aliases: []string{"Bharat Electronics Limited"}},
	{Name: "Bharat Dynamics", Codes: []string{"IN"}, Aliases: []string{"Bharat Dynamics Limited"}},
	{Name: "DRDO", Codes: []string{"IN"}, Aliases: []string{"Defence Research and Development Organisation"}},
	{Name: "Pakistan Aeronautical Complex", Codes: []string{"PK"}, Aliases: []string{"PAC Kamra"}},
	{Name: "Heavy Industries Taxila", Codes: []string{"PK"}},
	{Name: "Navantia", Codes: []string{"ES"}},
	{Name: "Indra", Codes: []string{"ES"}, Aliases: []string{"Indra Sistemas"}},
	{Name: "Damen", Codes: []string{"NL"}, Aliases: []string{"Damen Shipyards"}},
	{Name: "FN Herstal", Codes: []string{"BE"}},
	{Name: "John Cockerill", Codes: []string{"BE"}, Aliases: []string{"John Cockerill Defense", "CMI Defence"}},
	{Name: "Pilatus", Codes: []string{"CH"}, Aliases: []string{"Pilatus Aircraft"}},
	{Name: "RUAG", Codes: []string{"CH"}},
	{Name: "Mowag", Codes: []string{"CH"}, Aliases: []string{"MOWAG"}},
	{Name: "Schiebel", Codes: []string{"AT"}},
	{Name: "ST Engineering", Codes: []string{"SG"}, Aliases: []string{"Singapore Technologies Engineering"}},
	{Name: "Mitsubishi Heavy Industries", Codes: []string{"JP"}, Aliases: []string{"MHI"}},
	{Name: "Yugoimport", Codes: []string{"RS"}, Aliases: []string{"Yugoimport-SDPR", "Jugoimport"}},
	{Name: "Romarm", Codes: []string{"RO"}},
}

// blockerData are phrases that contain a country word but do not name the
// country or its government ("South China Sea", "Latin American",
// "Washington Post"). Find consumes them and reports nothing, which stops the
// shorter name inside them from matching.
var blockerData = []string{
	"Latin America", "Latin American", "South America", "South American",
	"North America", "North American", "Central America", "Central American",
	"Native American", "American Indian", "American Indians", "American Samoa",
	"Anglo-American",
	"New Mexico", "New Mexican", "Gulf of Mexico",
	"New Guinea", "Gulf of Guinea", "Guinea pig", "Guinea pigs", "Guinea worm",
	"Indian Ocean", "Indian subcontinent", "West Indies", "West Indian",
	"South China Sea", "East China Sea", "Korean Peninsula", "Korean War", "Sea of Japan",
	"Taiwan Strait", "Strait of Taiwan",
	"Niger Delta", "Niger River", "River Niger", "Lake Chad", "Congo Basin", "Congo River",
	"Jordan River", "River Jordan", "Jordan Valley", "Michael Jordan",
	"Washington Post", "Washington Times", "Washington Examiner", "George Washington",
	"Washington state", "Washington State", "University of Washington",
	"Paris Agreement", "Paris Club", "Warsaw Pact", "Ottawa Convention", "Ottawa Treaty",
	"Oslo Accords", "Oslo Accord",
	"post-Soviet", "former Soviet", "East Germany", "East German", "East Germans",
	"Eastern Europe", "Eastern European", "Central Europe", "Central European",
	"Council of Europe", "Panama Canal", "Panama Papers",
	"Leonardo da Vinci", "Leonardo DiCaprio", "French fries", "Irish Sea",
	"Turkish Cypriot", "Turkish Cypriots", "Turkish Republic of Northern Cyprus",
}
