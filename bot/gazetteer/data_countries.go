package gazetteer

// countryData is the country table, written by the briefbot authors.
//
// One country per line, fields separated by "|":
//
//	alpha-2 | alpha-3 | canonical name | official name | other names | demonyms and adjectives | capitals and seats of government | flags
//
// Lists are separated by ";". Plural demonyms ("Kazakhs") are derived in
// code where English forms them with a plain "s". The only flag is
// "historical". Capitals are listed only when the word is not also a common
// name for something else (no Victoria, Kingston, Georgetown, Santiago,
// Lima, Sofia, Tripoli, Jerusalem, Brussels).
const countryData = `
AF|AFG|Afghanistan|Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan;Афганистан;Афганистана;Афганистане|Afghan|Kabul|
AL|ALB|Albania|Republic of Albania|Shqipëria|Albanian|Tirana;Tiranë|
DZ|DZA|Algeria|People's Democratic Republic of Algeria||Algerian|Algiers|
AD|AND|Andorra|Principality of Andorra||Andorran|Andorra la Vella|
AO|AGO|Angola|Republic of Angola||Angolan|Luanda|
AG|ATG|Antigua and Barbuda||Antigua & Barbuda;Antigua|Antiguan||
AR|ARG|Argentina|Argentine Republic||Argentine;Argentinian;Argentinean|Buenos Aires|
AM|ARM|Armenia|Republic of Armenia|Армения;Армении;Hayastan|Armenian|Yerevan;Ереван|
AU|AUS|Australia|Commonwealth of Australia||Australian|Canberra|
AT|AUT|Austria|Republic of Austria|Österreich|Austrian|Vienna|
AZ|AZE|Azerbaijan|Republic of Azerbaijan|Азербайджан;Азербайджана;Азербайджане|Azerbaijani;Azeri|Baku;Баку|
BS|BHS|Bahamas|Commonwealth of The Bahamas|The Bahamas|Bahamian||
BH|BHR|Bahrain|Kingdom of Bahrain||Bahraini|Manama|
BD|BGD|Bangladesh|People's Republic of Bangladesh||Bangladeshi|Dhaka;Dacca|
BB|BRB|Barbados|||Barbadian;Bajan|Bridgetown|
BY|BLR|Belarus|Republic of Belarus|Byelorussia;Belorussia;Беларусь;Беларуси;Белоруссия;Белоруссии;Белоруссию;Республика Беларусь;Республики Беларусь|Belarusian;Belarussian;Byelorussian;Belorussian|Minsk;Минск;Минска;Минске|
BE|BEL|Belgium|Kingdom of Belgium||Belgian||
BZ|BLZ|Belize|||Belizean|Belmopan|
BJ|BEN|Benin|Republic of Benin|Dahomey|Beninese;Beninois|Porto-Novo|
BT|BTN|Bhutan|Kingdom of Bhutan||Bhutanese|Thimphu|
BO|BOL|Bolivia|Plurinational State of Bolivia||Bolivian||
BA|BIH|Bosnia and Herzegovina||Bosnia;Bosnia-Herzegovina;Bosnia & Herzegovina;BiH|Bosnian|Sarajevo|
BW|BWA|Botswana|Republic of Botswana||Motswana;Batswana;Botswanan|Gaborone|
BR|BRA|Brazil|Federative Republic of Brazil|Brasil|Brazilian|Brasilia;Brasília|
BN|BRN|Brunei|Brunei Darussalam|Nation of Brunei|Bruneian|Bandar Seri Begawan|
BG|BGR|Bulgaria|Republic of Bulgaria||Bulgarian||
BF|BFA|Burkina Faso||Burkina;Upper Volta|Burkinabe;Burkinabè|Ouagadougou|
BI|BDI|Burundi|Republic of Burundi||Burundian|Gitega;Bujumbura|
CV|CPV|Cape Verde|Republic of Cabo Verde|Cabo Verde|Cape Verdean;Cabo Verdean||
KH|KHM|Cambodia|Kingdom of Cambodia|Kampuchea|Cambodian|Phnom Penh|
CM|CMR|Cameroon|Republic of Cameroon||Cameroonian|Yaounde;Yaoundé|
CA|CAN|Canada|||Canadian|Ottawa|
CF|CAF|Central African Republic||Centrafrique||Bangui|
TD|TCD|Chad|Republic of Chad|Tchad|Chadian|N'Djamena;Ndjamena|
CL|CHL|Chile|Republic of Chile||Chilean||
CN|CHN|China|People's Republic of China|PRC;P.R.C.;Mainland China;Communist China;Китай;Китая;Китаю;Китаем;Китае;КНР;Китайская Народная Республика;Китайской Народной Республики|Chinese|Beijing;Peking;Zhongnanhai;Пекин;Пекина;Пекине|
CO|COL|Colombia|Republic of Colombia||Colombian|Bogota;Bogotá|
KM|COM|Comoros|Union of the Comoros|Comoro Islands|Comoran;Comorian||
CG|COG|Congo|Republic of the Congo|Republic of Congo;Congo-Brazzaville;Congo Brazzaville;Congo Republic||Brazzaville|
CR|CRI|Costa Rica|Republic of Costa Rica||Costa Rican||
CI|CIV|Cote d'Ivoire|Republic of Côte d'Ivoire|Côte d'Ivoire;Ivory Coast|Ivorian|Yamoussoukro;Abidjan|
HR|HRV|Croatia|Republic of Croatia|Hrvatska|Croatian;Croat|Zagreb|
CU|CUB|Cuba|Republic of Cuba||Cuban|Havana|
CY|CYP|Cyprus|Republic of Cyprus||Cypriot;Greek Cypriot|Nicosia|
CZ|CZE|Czechia|Czech Republic|Česko|Czech;Czechs|Prague;Praha|
KP|PRK|North Korea|Democratic People's Republic of Korea|DPRK;D.P.R.K.;N. Korea;Северная Корея;Северной Кореи;КНДР|North Korean|Pyongyang;Пхеньян|
CD|COD|DR Congo|Democratic Republic of the Congo|Democratic Republic of Congo;DRC;D.R.C.;DR of Congo;Congo-Kinshasa;Congo Kinshasa;Zaire;Zaïre||Kinshasa|
DK|DNK|Denmark|Kingdom of Denmark|Danmark|Danish;Danes|Copenhagen|
DJ|DJI|Djibouti|Republic of Djibouti||Djiboutian|Djibouti City|
DM|DMA|Dominica|Commonwealth of Dominica|||Roseau|
DO|DOM|Dominican Republic||||Santo Domingo|
EC|ECU|Ecuador|Republic of Ecuador||Ecuadorian;Ecuadorean|Quito|
EG|EGY|Egypt|Arab Republic of Egypt|Египет;Египта|Egyptian|Cairo|
SV|SLV|El Salvador|Republic of El Salvador||Salvadoran;Salvadorean|San Salvador|
GQ|GNQ|Equatorial Guinea|Republic of Equatorial Guinea||Equatoguinean;Equatorial Guinean|Malabo|
ER|ERI|Eritrea|State of Eritrea||Eritrean|Asmara|
EE|EST|Estonia|Republic of Estonia|Eesti|Estonian|Tallinn|
SZ|SWZ|Eswatini|Kingdom of Eswatini|Swaziland;eSwatini|Swazi|Mbabane;Lobamba|
ET|ETH|Ethiopia|Federal Democratic Republic of Ethiopia||Ethiopian|Addis Ababa|
FJ|FJI|Fiji|Republic of Fiji||Fijian|Suva|
FI|FIN|Finland|Republic of Finland|Suomi|Finnish;Finns|Helsinki|
FR|FRA|France|French Republic|Франция;Франции;Францию;Францией|French|Paris;Париж;Парижа;Париже|
GA|GAB|Gabon|Gabonese Republic||Gabonese|Libreville|
GM|GMB|Gambia|Republic of The Gambia|The Gambia|Gambian|Banjul|
GE|GEO|Georgia|Georgia|Sakartvelo;Грузия;Грузии|Georgian|Tbilisi;Тбилиси|
DE|DEU|Germany|Federal Republic of Germany|Deutschland;West Germany;FRG;Германия;Германии;Германию;Германией;ФРГ|German|Berlin;Берлин;Берлина;Берлине|
GH|GHA|Ghana|Republic of Ghana||Ghanaian|Accra|
GR|GRC|Greece|Hellenic Republic|Hellas|Greek;Hellenic|Athens|
GD|GRD|Grenada|||Grenadian||
GT|GTM|Guatemala|Republic of Guatemala||Guatemalan|Guatemala City|
GN|GIN|Guinea|Republic of Guinea|Guinea-Conakry|Guinean|Conakry|
GW|GNB|Guinea-Bissau|Republic of Guinea-Bissau||Bissau-Guinean|Bissau|
GY|GUY|Guyana|Co-operative Republic of Guyana|Cooperative Republic of Guyana|Guyanese||
HT|HTI|Haiti|Republic of Haiti||Haitian|Port-au-Prince|
HN|HND|Honduras|Republic of Honduras||Honduran|Tegucigalpa|
HU|HUN|Hungary|||Hungarian|Budapest|
IS|ISL|Iceland|||Icelandic;Icelander|Reykjavik;Reykjavík|
IN|IND|India|Republic of India|Bharat;Индия;Индии|Indian|New Delhi;Delhi;Нью-Дели|
ID|IDN|Indonesia|Republic of Indonesia||Indonesian|Jakarta|
IR|IRN|Iran|Islamic Republic of Iran|Persia;Иран;Ирана;Ирану;Ираном;Иране;Исламская Республика Иран|Iranian|Tehran;Teheran;Тегеран;Тегерана;Тегеране|
IQ|IRQ|Iraq|Republic of Iraq|Ирак;Ирака|Iraqi|Baghdad|
IE|IRL|Ireland|Ireland|Republic of Ireland;Eire;Éire|Irish|Dublin|
IL|ISR|Israel|State of Israel|Израиль;Израиля;Израилю;Израилем;Израиле;Государство Израиль|Israeli||
IT|ITA|Italy|Italian Republic|Italia;Италия;Италии|Italian|Rome|
JM|JAM|Jamaica|||Jamaican||
JP|JPN|Japan||Nippon;Япония;Японии|Japanese|Tokyo|
JO|JOR|Jordan|Hashemite Kingdom of Jordan||Jordanian|Amman|
KZ|KAZ|Kazakhstan|Republic of Kazakhstan|Kazakstan;Qazaqstan;Казахстан;Казахстана;Казахстану;Казахстаном;Казахстане;Республика Казахстан;Республики Казахстан;Қазақстан;Қазақстан Республикасы|Kazakh;Kazakhstani;Kazak|Astana;Nur-Sultan;Akmola;Астана;Астаны;Астане;Астану;Нур-Султан|
KE|KEN|Kenya|Republic of Kenya||Kenyan|Nairobi|
KI|KIR|Kiribati|Republic of Kiribati||I-Kiribati|Tarawa;South Tarawa|
KW|KWT|Kuwait|State of Kuwait||Kuwaiti|Kuwait City|
KG|KGZ|Kyrgyzstan|Kyrgyz Republic|Kirghizia;Kirgizia;Kyrgyzia;Kirghizstan;Kirgizstan;Киргизия;Киргизии;Киргизию;Киргизией;Кыргызстан;Кыргызстана;Кыргызстану;Кыргызстаном;Кыргызстане;Киргизстан;Кыргызская Республика;Кыргызской Республики|Kyrgyz;Kirgiz;Kirghiz;Kyrgyzstani|Bishkek;Frunze;Бишкек;Бишкека;Бишкеке|
LA|LAO|Laos|Lao People's Democratic Republic|Lao PDR|Lao;Laotian|Vientiane|
LV|LVA|Latvia|Republic of Latvia|Latvija|Latvian|Riga|
LB|LBN|Lebanon|Lebanese Republic|Ливан;Ливана|Lebanese|Beirut|
LS|LSO|Lesotho|Kingdom of Lesotho||Basotho;Mosotho|Maseru|
LR|LBR|Liberia|Republic of Liberia||Liberian|Monrovia|
LY|LBY|Libya|State of Libya|Ливия;Ливии|Libyan||
LI|LIE|Liechtenstein|Principality of Liechtenstein||Liechtensteiner|Vaduz|
LT|LTU|Lithuania|Republic of Lithuania|Lietuva|Lithuanian|Vilnius|
LU|LUX|Luxembourg|Grand Duchy of Luxembourg||Luxembourgish;Luxembourger||
MG|MDG|Madagascar|Republic of Madagascar||Malagasy|Antananarivo|
MW|MWI|Malawi|Republic of Malawi||Malawian|Lilongwe|
MY|MYS|Malaysia|||Malaysian|Kuala Lumpur;Putrajaya|
MV|MDV|Maldives|Republic of Maldives|The Maldives|Maldivian||
ML|MLI|Mali|Republic of Mali||Malian|Bamako|
MT|MLT|Malta|Republic of Malta||Maltese|Valletta|
MH|MHL|Marshall Islands|Republic of the Marshall Islands||Marshallese|Majuro|
MR|MRT|Mauritania|Islamic Republic of Mauritania||Mauritanian|Nouakchott|
MU|MUS|Mauritius|Republic of Mauritius||Mauritian|Port Louis|
MX|MEX|Mexico|United Mexican States|México|Mexican|Mexico City|
FM|FSM|Micronesia|Federated States of Micronesia|||Palikir|
MD|MDA|Moldova|Republic of Moldova|Moldavia;Молдова;Молдавия;Молдавии|Moldovan|Chisinau;Chișinău;Kishinev;Кишинёв|
MC|MCO|Monaco|Principality of Monaco||Monegasque;Monacan||
MN|MNG|Mongolia|||Mongolian|Ulaanbaatar;Ulan Bator;Ulaanbaatar City|
ME|MNE|Montenegro|||Montenegrin|Podgorica|
MA|MAR|Morocco|Kingdom of Morocco||Moroccan|Rabat|
MZ|MOZ|Mozambique|Republic of Mozambique||Mozambican|Maputo|
MM|MMR|Myanmar|Republic of the Union of Myanmar|Burma|Burmese|Naypyidaw;Nay Pyi Taw;Naypyitaw|
NA|NAM|Namibia|Republic of Namibia||Namibian|Windhoek|
NR|NRU|Nauru|Republic of Nauru||Nauruan||
NP|NPL|Nepal|Federal Democratic Republic of Nepal||Nepali;Nepalese|Kathmandu|
NL|NLD|Netherlands|Kingdom of the Netherlands|Holland;Nederland|Dutch||
NZ|NZL|New Zealand||Aotearoa|New Zealander||
NI|NIC|Nicaragua|Republic of Nicaragua||Nicaraguan|Managua|
NE|NER|Niger|Republic of the Niger|Republic of Niger|Nigerien|Niamey|
NG|NGA|Nigeria|Federal Republic of Nigeria||Nigerian|Abuja|
MK|MKD|North Macedonia|Republic of North Macedonia|Macedonia;FYROM;Former Yugoslav Republic of Macedonia|Macedonian;North Macedonian|Skopje|
NO|NOR|Norway|Kingdom of Norway|Norge|Norwegian|Oslo|
OM|OMN|Oman|Sultanate of Oman||Omani|Muscat|
PK|PAK|Pakistan|Islamic Republic of Pakistan|Пакистан;Пакистана|Pakistani|Islamabad;Rawalpindi|
PW|PLW|Palau|Republic of Palau|Belau|Palauan|Ngerulmud|
PA|PAN|Panama|Republic of Panama|Panamá|Panamanian|Panama City|
PG|PNG|Papua New Guinea|Independent State of Papua New Guinea|PNG|Papua New Guinean|Port Moresby|
PY|PRY|Paraguay|Republic of Paraguay||Paraguayan|Asuncion;Asunción|
PE|PER|Peru|Republic of Peru|Perú|Peruvian||
PH|PHL|Philippines|Republic of the Philippines|The Philippines|Filipino;Philippine|Manila|
PL|POL|Poland|Republic of Poland|Polska;Польша;Польши|Polish|Warsaw|
PT|PRT|Portugal|Portuguese Republic||Portuguese|Lisbon|
QA|QAT|Qatar|State of Qatar|Катар;Катара|Qatari|Doha|
KR|KOR|South Korea|Republic of Korea|Korea;ROK;R.O.K.;S. Korea;Южная Корея;Южной Кореи;Республика Корея|South Korean;Korean|Seoul;Сеул|
RO|ROU|Romania|||Romanian|Bucharest|
RU|RUS|Russia|Russian Federation|Rossiya;Россия;России;Россию;Россией;Российская Федерация;Российской Федерации;Российскую Федерацию;РФ|Russian|Moscow;Kremlin;Москва;Москвы;Москве;Москву;Москвой;Кремль|
RW|RWA|Rwanda|Republic of Rwanda||Rwandan|Kigali|
KN|KNA|Saint Kitts and Nevis|Federation of Saint Kitts and Nevis|St Kitts and Nevis;St. Kitts and Nevis;Saint Kitts;St Kitts;St. Kitts;St Kitts & Nevis|Kittitian|Basseterre|
LC|LCA|Saint Lucia||St Lucia;St. Lucia|Saint Lucian;St Lucian|Castries|
VC|VCT|Saint Vincent and the Grenadines||St Vincent and the Grenadines;St. Vincent and the Grenadines;St Vincent & the Grenadines;Saint Vincent;St Vincent;St. Vincent|Vincentian|Kingstown|
WS|WSM|Samoa|Independent State of Samoa|Western Samoa|Samoan|Apia|
SM|SMR|San Marino|Republic of San Marino||Sammarinese||
ST|STP|Sao Tome and Principe|Democratic Republic of Sao Tome and Principe|São Tomé and Príncipe;São Tomé & Príncipe;Sao Tome|Sao Tomean;Santomean||
SA|SAU|Saudi Arabia|Kingdom of Saudi Arabia|KSA;Саудовская Аравия;Саудовской Аравии|Saudi|Riyadh;Эр-Рияд|
SN|SEN|Senegal|Republic of Senegal||Senegalese|Dakar|
RS|SRB|Serbia|Republic of Serbia|Srbija;Сербия;Сербии|Serbian;Serb|Belgrade;Beograd|
SC|SYC|Seychelles|Republic of Seychelles|The Seychelles|Seychellois||
SL|SLE|Sierra Leone|Republic of Sierra Leone||Sierra Leonean|Freetown|
SG|SGP|Singapore|Republic of Singapore||Singaporean||
SK|SVK|Slovakia|Slovak Republic|Slovensko|Slovak;Slovakian|Bratislava|
SI|SVN|Slovenia|Republic of Slovenia|Slovenija|Slovenian;Slovene|Ljubljana|
SB|SLB|Solomon Islands||Solomons|Solomon Islander|Honiara|
SO|SOM|Somalia|Federal Republic of Somalia||Somali;Somalian|Mogadishu|
ZA|ZAF|South Africa|Republic of South Africa|RSA|South African|Pretoria;Tshwane|
SS|SSD|South Sudan|Republic of South Sudan||South Sudanese|Juba|
ES|ESP|Spain|Kingdom of Spain|España;Испания;Испании|Spanish|Madrid|
LK|LKA|Sri Lanka|Democratic Socialist Republic of Sri Lanka|Ceylon|Sri Lankan|Colombo;Sri Jayawardenepura Kotte|
SD|SDN|Sudan|Republic of the Sudan|Republic of Sudan;Судан;Судана|Sudanese|Khartoum|
SR|SUR|Suriname|Republic of Suriname|Surinam|Surinamese|Paramaribo|
SE|SWE|Sweden|Kingdom of Sweden|Sverige;Швеция;Швеции|Swedish;Swede;Swedes|Stockholm|
CH|CHE|Switzerland|Swiss Confederation|Schweiz;Suisse;Svizzera;Helvetia|Swiss|Bern;Berne|
SY|SYR|Syria|Syrian Arab Republic|Сирия;Сирии|Syrian|Damascus;Дамаск|
TJ|TJK|Tajikistan|Republic of Tajikistan|Tadzhikistan;Tadjikistan;Tojikiston;Таджикистан;Таджикистана;Таджикистану;Таджикистаном;Таджикистане;Республика Таджикистан;Республики Таджикистан;Тоҷикистон|Tajik;Tadjik;Tadzhik;Tajikistani|Dushanbe;Душанбе|
TH|THA|Thailand|Kingdom of Thailand|Siam|Thai|Bangkok|
TL|TLS|Timor-Leste|Democratic Republic of Timor-Leste|East Timor;Timor Leste|Timorese;East Timorese|Dili|
TG|TGO|Togo|Togolese Republic||Togolese|Lome;Lomé|
TO|TON|Tonga|Kingdom of Tonga||Tongan|Nuku'alofa|
TT|TTO|Trinidad and Tobago|Republic of Trinidad and Tobago|Trinidad & Tobago;Trinidad|Trinidadian;Tobagonian|Port of Spain|
TN|TUN|Tunisia|Republic of Tunisia||Tunisian|Tunis|
TR|TUR|Turkey|Republic of Türkiye|Türkiye;Turkiye;Republic of Turkey;Турция;Турции;Турцию;Турцией;Турецкая Республика|Turkish;Turks|Ankara;Анкара;Анкары;Анкаре|
TM|TKM|Turkmenistan|Turkmenistan|Turkmenia;Türkmenistan;Туркменистан;Туркменистана;Туркменистану;Туркменистаном;Туркменистане;Туркмения;Туркмении;Туркмению|Turkmen;Turkmenistani;Turkoman;Turkmenian|Ashgabat;Ashkhabad;Ashgabad;Aşgabat;Ашхабад;Ашхабада;Ашхабаде|
TV|TUV|Tuvalu|||Tuvaluan|Funafuti|
UG|UGA|Uganda|Republic of Uganda||Ugandan|Kampala|
UA|UKR|Ukraine|Ukraine|The Ukraine;Украина;Украины;Украине;Украину;Украиной;Україна;України;Україні|Ukrainian|Kyiv;Kiev;Киев;Киева;Киеве;Київ;Києва|
AE|ARE|United Arab Emirates|United Arab Emirates|UAE;U.A.E.;Объединённые Арабские Эмираты;ОАЭ|Emirati|Abu Dhabi;Абу-Даби|
GB|GBR|United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK;U.K.;Britain;Great Britain;Northern Ireland;Великобритания;Великобритании;Британия;Британии|British;Briton;Brits;Northern Irish|London;Whitehall;Downing Street;Лондон;Лондона|
TZ|TZA|Tanzania|United Republic of Tanzania||Tanzanian|Dodoma;Dar es Salaam|
US|USA|United States|United States of America|US;U.S.;USA;U.S.A.;America;США;Соединённые Штаты;Соединённых Штатов;Соединенные Штаты;Соединенных Штатов;Америка;Америки;Америке;Америку;Соединённые Штаты Америки;Соединенные Штаты Америки|American|Washington;Pentagon;White House;Вашингтон;Вашингтона;Вашингтоне;Пентагон|
UY|URY|Uruguay|Oriental Republic of Uruguay||Uruguayan|Montevideo|
UZ|UZB|Uzbekistan|Republic of Uzbekistan|Oʻzbekiston;O'zbekiston;Узбекистан;Узбекистана;Узбекистану;Узбекистаном;Узбекистане;Республика Узбекистан;Республики Узбекистан;Ўзбекистон|Uzbek;Uzbekistani|Tashkent;Toshkent;Ташкент;Ташкента;Ташкенте|
VU|VUT|Vanuatu|Republic of Vanuatu||Ni-Vanuatu|Port Vila|
VE|VEN|Venezuela|Bolivarian Republic of Venezuela|Венесуэла;Венесуэлы|Venezuelan|Caracas|
VN|VNM|Vietnam|Socialist Republic of Viet Nam|Viet Nam;Вьетнам;Вьетнама|Vietnamese|Hanoi|
YE|YEM|Yemen|Republic of Yemen||Yemeni|Sanaa;Sana'a|
ZM|ZMB|Zambia|Republic of Zambia||Zambian|Lusaka|
ZW|ZWE|Zimbabwe|Republic of Zimbabwe||Zimbabwean|Harare|
TW|TWN|Taiwan|Republic of China|ROC;R.O.C.;Chinese Taipei;Formosa;Тайвань;Тайваня|Taiwanese|Taipei;Тайбэй|
XK|XKX|Kosovo|Republic of Kosovo|Kosova;Косово|Kosovar;Kosovan|Pristina;Prishtina;Prishtinë|
PS|PSE|Palestine|State of Palestine|Palestinian Territories;Occupied Palestinian Territories;Palestinian Authority;Палестина;Палестины|Palestinian|Ramallah|
VA|VAT|Vatican|Holy See|Vatican City;Vatican City State;Holy See (Vatican City State)|||
SU|SUN|Soviet Union|Union of Soviet Socialist Republics|USSR;U.S.S.R.;former Soviet Union;СССР;Советский Союз;Советского Союза;Советскому Союзу;Советском Союзе|Soviet||historical
CS|CSK|Czechoslovakia|Czech and Slovak Federative Republic|Czechoslovak Socialist Republic;ČSSR;CSSR;Чехословакия;Чехословакии|Czechoslovak;Czechoslovakian||historical
YU|YUG|Yugoslavia|Socialist Federal Republic of Yugoslavia|SFRY;SFRJ;Federal Republic of Yugoslavia;Югославия;Югославии|Yugoslav;Yugoslavian||historical
`
