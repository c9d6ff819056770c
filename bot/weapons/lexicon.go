package weapons

// The lexicon of generic weapon words, written by the briefbot authors.
//
// Notation: "drone(s)" stands for "drone" and "drones", "torpedo(es)" for
// "torpedo" and "torpedoes". Every phrase containing "armour" or "defence"
// also gets its American spelling. Phrases starting with a lower-case letter
// match in any case; acronyms ("SAM", "APCs") match only in capitals.
//
// Classification follows SIPRI's definitions: drones are Aircraft;
// loitering munitions and one-way attack drones are Missiles, as SIPRI
// counts them; portable surface-to-air missiles (MANPADS) are Missiles,
// while the generic "air defence" and "surface-to-air" words mean the
// systems, which are Air-defence systems; guided bombs are Missiles. SIPRI
// does not cover small arms and light weapons or ammunition: those words map
// to Other, small arms with the SmallArms flag set.
//
// Known limits of a word list: "fighters" also means combatants and "ships"
// is also a verb. The blockers below catch the common phrasings ("foreign
// fighters", "to ship"); callers that need certainty should prefer a named
// system or a longer phrase ("fighter jets", "patrol ships").
type lexEntry struct {
	cat       Category
	smallArms bool
	phrases   []string
}

var lexiconData = []lexEntry{
	{cat: Aircraft, phrases: []string{
		"drone(s)", "UAV(s)", "UCAV(s)", "UAS", "unmanned aerial vehicle(s)", "unmanned air vehicle(s)",
		"unmanned aircraft", "unmanned aerial system(s)", "unmanned aircraft system(s)",
		"unmanned combat aerial vehicle(s)", "unmanned combat air vehicle(s)",
		"combat drone(s)", "attack drone(s)", "strike drone(s)", "armed drone(s)",
		"reconnaissance drone(s)", "surveillance drone(s)", "military drone(s)",
		"remotely piloted aircraft", "aircraft", "warplane(s)", "plane(s)", "airplane(s)",
		"aeroplane(s)", "combat aircraft", "military aircraft", "fighter(s)", "fighter jet(s)",
		"fighter aircraft", "fighter plane(s)", "fighter-bomber(s)", "multirole fighter(s)",
		"multi-role fighter(s)", "jet(s)", "jet fighter(s)", "combat jet(s)", "bomber(s)",
		"helicopter(s)", "attack helicopter(s)", "transport helicopter(s)", "utility helicopter(s)",
		"military helicopter(s)", "gunship(s)", "helicopter gunship(s)", "transport aircraft",
		"military transport aircraft", "cargo aircraft", "airlifter(s)", "trainer(s)",
		"trainer aircraft", "jet trainer(s)", "trainer jet(s)", "training aircraft",
		"light attack aircraft", "maritime patrol aircraft", "tanker aircraft",
		"turboprop aircraft", "rotorcraft",
	}},
	{cat: AirDefence, phrases: []string{
		"air defence", "air-defence", "air defence system(s)", "air-defence system(s)",
		"air defence missile system(s)", "SAM(s)", "SAM system(s)", "surface-to-air",
		"surface-to-air missile(s)", "surface-to-air missile system(s)", "anti-aircraft",
		"anti-aircraft gun(s)", "anti-aircraft system(s)", "anti-aircraft missile(s)",
		"anti-aircraft missile system(s)", "missile defence", "missile defence system(s)",
		"anti-air system(s)", "anti-air missile(s)",
		"anti-missile system(s)", "anti-ballistic missile(s)", "anti-drone system(s)",
		"counter-drone system(s)", "SPAAG(s)", "self-propelled anti-aircraft gun(s)",
	}},
	{cat: ArmouredVehicles, phrases: []string{
		"tank(s)", "main battle tank(s)", "battle tank(s)", "light tank(s)", "MBT(s)",
		"APC(s)", "armoured personnel carrier(s)", "IFV(s)", "infantry fighting vehicle(s)",
		"armoured vehicle(s)", "armoured combat vehicle(s)", "armoured fighting vehicle(s)",
		"AFV(s)", "armoured car(s)", "armoured truck(s)", "MRAP(s)", "MRAP vehicle(s)",
		"mine-resistant ambush-protected vehicle(s)", "mine-protected vehicle(s)",
		"mine-resistant ambush protected vehicle(s)", "mine-resistant armoured protected vehicle(s)",
		"armoured reconnaissance vehicle(s)", "tank destroyer(s)", "armoured recovery vehicle(s)",
		"armoured personnel vehicle(s)",
	}},
	{cat: Artillery, phrases: []string{
		"artillery", "artillery system(s)", "artillery piece(s)", "howitzer(s)",
		"self-propelled howitzer(s)", "towed howitzer(s)", "self-propelled gun(s)", "field gun(s)",
		"MLRS", "multiple rocket launcher(s)", "multiple-rocket launcher(s)",
		"multiple launch rocket system(s)", "multiple-launch rocket system(s)",
		"rocket launcher(s)", "rocket artillery", "mortar(s)", "self-propelled mortar(s)",
		"gun-howitzer(s)",
	}},
	{cat: Engines, phrases: []string{
		"engine(s)", "aero-engine(s)", "aircraft engine(s)", "jet engine(s)", "turbofan(s)",
		"turbojet(s)", "turboprop(s)", "turboprop engine(s)", "turboshaft(s)", "diesel engine(s)",
		"gas turbine(s)", "marine engine(s)", "tank engine(s)",
	}},
	{cat: Missiles, phrases: []string{
		"missile(s)", "missile system(s)", "missile launcher(s)", "ballistic missile(s)",
		"tactical ballistic missile(s)", "cruise missile(s)", "hypersonic missile(s)",
		"anti-tank", "anti-tank missile(s)", "anti-tank guided missile(s)", "anti-tank weapon(s)",
		"anti-tank system(s)", "ATGM(s)", "anti-ship", "anti-ship missile(s)",
		"anti-radiation missile(s)", "air-to-air missile(s)", "air-to-surface missile(s)",
		"air-to-ground missile(s)", "surface-to-surface missile(s)", "guided missile(s)",
		"guided rocket(s)", "guided bomb(s)", "smart bomb(s)", "precision-guided munition(s)",
		"precision-guided bomb(s)", "PGM(s)", "loitering munition(s)", "kamikaze drone(s)",
		"suicide drone(s)", "one-way attack drone(s)", "MANPADS", "man-portable air defence system(s)",
		"man-portable air-defence system(s)", "portable SAM(s)", "shoulder-fired missile(s)",
		"anti-satellite", "anti-satellite missile(s)", "launcher(s)", "interceptor missile(s)",
		"interceptor(s)",
	}},
	{cat: Sensors, phrases: []string{
		"radar(s)", "radar system(s)", "radar station(s)", "over-the-horizon radar(s)",
		"OTH radar(s)", "early-warning radar(s)", "early warning radar(s)",
		"air surveillance radar(s)", "air defence radar(s)", "surveillance radar(s)",
		"counter-battery radar(s)", "fire-control radar(s)", "sensor(s)", "sonar(s)",
		"targeting pod(s)", "electro-optical system(s)", "targeting system(s)", "imaging system(s)",
		"thermal imaging system(s)", "camera system(s)", "electro-optics", "optronic system(s)",
		"electro-optical sensor(s)", "thermal camera(s)", "imaging and targeting system(s)",
		"electronic warfare system(s)", "EW system(s)", "jamming system(s)", "jammer(s)",
		"electro-optical sensor(s)", "thermal camera(s)", "imaging and targeting system(s)",
	}},
	{cat: Ships, phrases: []string{
		"ship(s)", "warship(s)", "naval vessel(s)", "naval ship(s)", "patrol boat(s)",
		"patrol vessel(s)", "offshore patrol vessel(s)", "OPV(s)", "patrol craft",
		"fast attack craft", "corvette(s)", "frigate(s)", "destroyer(s)", "submarine(s)",
		"landing ship(s)", "tank landing ship(s)", "landing craft", "amphibious ship(s)",
		"amphibious assault ship(s)", "aircraft carrier(s)", "helicopter carrier(s)",
		"drone carrier(s)", "minesweeper(s)", "minehunter(s)", "mine countermeasures vessel(s)",
		"missile boat(s)", "gunboat(s)", "support ship(s)", "cruiser(s)",
	}},
	{cat: NavalWeapons, phrases: []string{
		"naval gun(s)", "torpedo(es)", "heavyweight torpedo(es)", "lightweight torpedo(es)",
		"naval mine(s)", "sea mine(s)", "depth charge(s)", "anti-submarine",
		"anti-submarine weapon(s)", "anti-submarine rocket(s)", "close-in weapon system(s)",
		"CIWS", "naval weapon(s)",
	}},
	{cat: Satellites, phrases: []string{
		"satellite(s)", "reconnaissance satellite(s)", "communications satellite(s)",
		"earth observation satellite(s)", "spy satellite(s)", "military satellite(s)",
	}},
	{cat: Other, smallArms: true, phrases: []string{
		"small arms", "small arms and light weapons", "SALW", "light weapons", "rifle(s)",
		"assault rifle(s)", "sniper rifle(s)", "machine gun(s)", "heavy machine gun(s)",
		"submachine gun(s)", "pistol(s)", "handgun(s)", "firearm(s)", "carbine(s)", "grenade(s)",
		"grenade launcher(s)", "RPG(s)", "rocket-propelled grenade(s)", "recoilless rifle(s)",
	}},
	{cat: Other, phrases: []string{
		"ammunition", "artillery shell(s)", "artillery round(s)", "artillery ammunition",
		"mortar round(s)", "mortar shell(s)", "mortar bomb(s)", "tank shell(s)", "turret(s)",
		"body armour", "protective armour", "bulletproof vest(s)", "bullet-proof vest(s)",
		"ballistic vest(s)", "ballistic helmet(s)", "combat helmet(s)", "anti-tank mine(s)", "landmine(s)", "land mine(s)",
		"military truck(s)", "army truck(s)", "military vehicle(s)", "pickup truck(s)",
		"night-vision goggles", "night vision goggles", "night-vision device(s)",
		"munition(s)", "rocket(s)", "aerial bomb(s)", "bomb(s)",
	}},
}

// blockers are phrases that contain a weapon word without meaning a weapon
// ("think tank", "satellite imagery", "foreign fighters", the verb in "to
// ship"). Find consumes them and reports nothing.
var blockers = []string{
	"think tank(s)", "fuel tank(s)", "water tank(s)", "oil tank(s)", "storage tank(s)",
	"septic tank(s)", "gas tank(s)", "tank farm(s)", "tank top(s)",
	"search engine(s)", "fire engine(s)", "engine of growth",
	"jet lag", "jet stream", "jet set", "jet fuel", "fighter pilot(s)", "foreign fighters",
	"freedom fighter(s)", "rebel fighters", "militant fighters", "Islamist fighters",
	"jihadist fighters", "opposition fighters", "militia fighters", "guerrilla fighters",
	"resistance fighters", "Wagner fighters", "Hamas fighters", "Hezbollah fighters",
	"Taliban fighters", "ISIS fighters", "Islamic State fighters", "fighters killed",
	"fighters were killed", "fighters loyal", "fire fighter(s)", "paper plane(s)",
	"satellite image(s)", "satellite imagery", "satellite photo(s)", "satellite photograph(s)",
	"satellite picture(s)", "satellite data", "satellite phone(s)", "satellite TV",
	"satellite television", "satellite state(s)", "satellite dish(es)",
	"to ship", "will ship", "would ship", "cargo ship(s)", "container ship(s)",
	"Patriot Act", "sensor data",
}
