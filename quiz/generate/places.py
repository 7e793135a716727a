"""A small gazetteer: countries (with demonyms, other names and region), their major
cities, and China's provinces, so a place gets wrong options of its own sort.

A country among cities, or Lisbon among Chinese counties, gives the answer away;
the table lets a city get cities of its own country and a country countries of
its own part of the world. It is deliberately small: a name it does not know is
simply "unknown", and the article's own names are used as before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from quiz.bank.normalize import fold


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    region: str
    aliases: tuple[str, ...] = ()  # other names and abbreviations of the same country
    cities: tuple[str, ...] = ()  # major cities, the capital first
    provinces: tuple[str, ...] = ()
    rivers: tuple[str, ...] = ()
    since: int = 0  # the year the name came into use, when that is recent


def _split(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.split(";") if x.strip())


def _c(name: str, demonym: str, region: str, aliases: str = "", cities: str = "",
       provinces: str = "") -> Country:
    return Country(name, demonym, region, _split(aliases), _split(cities), _split(provinces))


# Major rivers, for a river among rivers of the same country.
_RIVERS = {
    "China": "Yangtze River; Yellow River; Pearl River; Huai River; Han River; Qiantang River; "
             "Min River; Xiang River; Gan River; Wei River; Jialing River",
    "Russia": "Volga River; Ob River; Yenisei River; Lena River; Angara River; Amur River; "
              "Don River",
    "Portugal": "Tagus River; Douro River; Mondego River; Guadiana River; Minho River",
    "Spain": "Ebro River; Tagus River; Douro River; Guadalquivir River; Guadiana River",
    "Italy": "Po River; Tiber River; Arno River; Adige River",
    "France": "Seine River; Loire River; Rhône River; Garonne River",
    "Germany": "Rhine River; Elbe River; Danube River; Weser River; Oder River",
    "United Kingdom": "River Thames; River Severn; River Trent; River Tyne; River Mersey",
    "United States": "Mississippi River; Missouri River; Hudson River; Colorado River; "
                     "Ohio River; Columbia River",
    "India": "Ganges River; Indus River; Brahmaputra River; Yamuna River; Godavari River",
    "Japan": "Shinano River; Tone River; Ishikari River; Kiso River",
    "South Korea": "Han River; Nakdong River; Geum River; Yeongsan River",
    "Brazil": "Amazon River; São Francisco River; Paraná River; Tocantins River",
}
# Seas by region, for a sea among seas of the same part of the world (a sea listed twice
# belongs to the first region it is listed in).
SEAS = {
    "east asia": "East China Sea; South China Sea; Yellow Sea; Bohai Sea; Sea of Japan; "
                 "Philippine Sea",
    "southeast asia": "South China Sea; Java Sea; Banda Sea; Arafura Sea; Andaman Sea; "
                      "Celebes Sea; Timor Sea",
    "oceania": "Arafura Sea; Coral Sea; Tasman Sea; Bismarck Sea; Solomon Sea",
    "southern europe": "Mediterranean Sea; Adriatic Sea; Aegean Sea; Tyrrhenian Sea; "
                       "Ionian Sea; Ligurian Sea",
    "western europe": "North Sea; Baltic Sea; Irish Sea; Celtic Sea; Norwegian Sea",
    "eastern europe": "Black Sea; Baltic Sea; Caspian Sea; Sea of Azov; Barents Sea",
    # by ocean, not by the lands around: the Caspian is no option for an Indian Ocean island
    "indian ocean": "Arabian Sea; Red Sea; Laccadive Sea; Andaman Sea",
}


COUNTRIES: tuple[Country, ...] = (
    # East Asia
    _c("China", "Chinese", "east asia", "People's Republic of China; PRC",
       "Beijing; Shanghai; Guangzhou; Nanjing; Wuhan; Chengdu; Xi'an; Hangzhou; Tianjin; "
       "Chongqing; Shenyang; Changsha; Zhengzhou; Jinan; Kunming; Suzhou; Harbin; Qingdao; "
       "Fuzhou; Nanchang; Hefei; Taiyuan; Lanzhou; Luoyang; Kaifeng; Xiangyang; Yangzhou; "
       "Shenzhen; Xiamen; Changchun; Nanning; Guiyang; Dalian; Ningbo; Shaoxing; Yichang",
       "Anhui; Fujian; Gansu; Guangdong; Guizhou; Hainan; Hebei; Heilongjiang; Henan; Hubei; "
       "Hunan; Jiangsu; Jiangxi; Jilin; Liaoning; Qinghai; Shaanxi; Shandong; Shanxi; "
       "Sichuan; Yunnan; Zhejiang; Guangxi; Inner Mongolia; Ningxia; Xinjiang; Tibet"),
    _c("Taiwan", "Taiwanese", "east asia", "Republic of China; ROC",
       "Taipei; Kaohsiung; Taichung; Tainan; Hsinchu; Keelung"),
    _c("Japan", "Japanese", "east asia", "",
       "Tokyo; Osaka; Kyoto; Yokohama; Nagoya; Sapporo; Kobe; Fukuoka; Hiroshima; Sendai; "
       "Nara; Nagasaki; Kanazawa"),
    _c("South Korea", "South Korean", "east asia", "Republic of Korea; ROK",
       "Seoul; Busan; Incheon; Daegu; Daejeon; Gwangju; Ulsan; Suwon; Gyeongju"),
    _c("North Korea", "North Korean", "east asia",
       "Democratic People's Republic of Korea; DPRK",
       "Pyongyang; Kaesong; Hamhung; Chongjin; Wonsan; Sinuiju; Nampo"),
    _c("Mongolia", "Mongolian", "east asia", "", "Ulaanbaatar; Erdenet; Darkhan"),
    # Southeast and South Asia
    _c("Vietnam", "Vietnamese", "southeast asia", "Viet Nam",
       "Hanoi; Ho Chi Minh City; Hue; Da Nang; Haiphong; Can Tho"),
    _c("Thailand", "Thai", "southeast asia", "Siam",
       "Bangkok; Chiang Mai; Phuket; Ayutthaya; Pattaya; Khon Kaen"),
    _c("Indonesia", "Indonesian", "southeast asia", "",
       "Jakarta; Surabaya; Bandung; Medan; Semarang; Makassar; Yogyakarta; Denpasar; Ambon"),
    _c("Philippines", "Filipino", "southeast asia", "",
       "Manila; Quezon City; Cebu City; Davao City; Baguio; Iloilo City"),
    _c("Malaysia", "Malaysian", "southeast asia", "",
       "Kuala Lumpur; George Town; Ipoh; Johor Bahru; Malacca; Kuching"),
    _c("Myanmar", "Burmese", "southeast asia", "Burma",
       "Naypyidaw; Yangon; Mandalay; Bago; Mawlamyine"),
    _c("Cambodia", "Cambodian", "southeast asia", "", "Phnom Penh; Siem Reap; Battambang"),
    _c("Laos", "Lao", "southeast asia", "", "Vientiane; Luang Prabang; Pakse"),
    _c("Singapore", "Singaporean", "southeast asia"),
    _c("Papua New Guinea", "Papua New Guinean", "oceania", "",
       "Port Moresby; Lae; Madang; Mount Hagen"),
    _c("India", "Indian", "south asia", "",
       "New Delhi; Mumbai; Kolkata; Chennai; Bangalore; Hyderabad; Ahmedabad; Pune; Jaipur; "
       "Lucknow; Varanasi; Agra"),
    _c("Pakistan", "Pakistani", "south asia", "",
       "Islamabad; Karachi; Lahore; Peshawar; Quetta; Faisalabad; Multan"),
    _c("Bangladesh", "Bangladeshi", "south asia", "", "Dhaka; Chittagong; Khulna; Sylhet"),
    _c("Sri Lanka", "Sri Lankan", "south asia", "Ceylon", "Colombo; Kandy; Galle; Jaffna"),
    _c("Nepal", "Nepalese", "south asia", "", "Kathmandu; Pokhara; Lalitpur"),
    _c("Afghanistan", "Afghan", "central asia", "", "Kabul; Kandahar; Herat; Mazar-i-Sharif"),
    _c("Kazakhstan", "Kazakh", "central asia", "", "Astana; Almaty; Shymkent"),
    _c("Uzbekistan", "Uzbek", "central asia", "", "Tashkent; Samarkand; Bukhara"),
    # Middle East and North Africa
    _c("Iran", "Iranian", "middle east", "Persia",
       "Tehran; Isfahan; Shiraz; Tabriz; Mashhad; Qom"),
    _c("Iraq", "Iraqi", "middle east", "", "Baghdad; Basra; Mosul; Erbil; Kirkuk; Najaf"),
    _c("Turkey", "Turkish", "middle east", "Türkiye",
       "Ankara; Istanbul; Izmir; Bursa; Antalya; Konya; Adana"),
    _c("Syria", "Syrian", "middle east", "", "Damascus; Aleppo; Homs; Latakia; Hama"),
    _c("Lebanon", "Lebanese", "middle east", "", "Beirut; Tripoli; Sidon; Tyre"),
    _c("Israel", "Israeli", "middle east", "", "Jerusalem; Tel Aviv; Haifa; Eilat"),
    _c("Jordan", "Jordanian", "middle east", "", "Amman; Zarqa; Irbid; Aqaba"),
    _c("Saudi Arabia", "Saudi", "middle east", "", "Riyadh; Jeddah; Mecca; Medina; Dammam"),
    _c("Yemen", "Yemeni", "middle east", "", "Sanaa; Aden; Taiz"),
    _c("Egypt", "Egyptian", "north africa", "",
       "Cairo; Alexandria; Giza; Luxor; Aswan; Port Said; Suez"),
    _c("Libya", "Libyan", "north africa", "", "Tripoli; Benghazi; Misrata"),
    _c("Tunisia", "Tunisian", "north africa", "", "Tunis; Sfax; Sousse; Kairouan"),
    _c("Algeria", "Algerian", "north africa", "", "Algiers; Oran; Constantine; Annaba"),
    _c("Morocco", "Moroccan", "north africa", "",
       "Rabat; Casablanca; Marrakesh; Fez; Tangier"),
    _c("Sudan", "Sudanese", "east africa", "", "Khartoum; Omdurman; Port Sudan"),
    # Sub-Saharan Africa
    _c("Ethiopia", "Ethiopian", "east africa", "Abyssinia",
       "Addis Ababa; Gondar; Harar; Dire Dawa; Mekelle; Bahir Dar"),
    _c("Eritrea", "Eritrean", "east africa", "", "Asmara; Massawa; Keren"),
    _c("Somalia", "Somali", "east africa", "", "Mogadishu; Hargeisa; Kismayo"),
    _c("Kenya", "Kenyan", "east africa", "", "Nairobi; Mombasa; Kisumu; Nakuru"),
    _c("Tanzania", "Tanzanian", "east africa", "", "Dodoma; Dar es Salaam; Arusha; Zanzibar"),
    _c("Uganda", "Ugandan", "east africa", "", "Kampala; Entebbe; Gulu"),
    _c("Nigeria", "Nigerian", "west africa", "", "Abuja; Lagos; Kano; Ibadan; Port Harcourt"),
    _c("Ghana", "Ghanaian", "west africa", "", "Accra; Kumasi; Tamale"),
    _c("Senegal", "Senegalese", "west africa", "", "Dakar; Saint-Louis; Touba"),
    _c("Mali", "Malian", "west africa", "", "Bamako; Timbuktu; Mopti"),
    _c("Guinea", "Guinean", "west africa", "", "Conakry; Kankan"),
    _c("Ivory Coast", "Ivorian", "west africa", "Côte d'Ivoire", "Yamoussoukro; Abidjan"),
    _c("Democratic Republic of the Congo", "Congolese", "central africa", "DR Congo; DRC",
       "Kinshasa; Lubumbashi; Kisangani"),
    _c("Cameroon", "Cameroonian", "central africa", "", "Yaoundé; Douala"),
    _c("Angola", "Angolan", "southern africa", "", "Luanda; Huambo; Benguela"),
    _c("Namibia", "Namibian", "southern africa", "", "Windhoek; Walvis Bay"),
    _c("Botswana", "Motswana", "southern africa", "", "Gaborone; Francistown"),
    _c("Mozambique", "Mozambican", "southern africa", "", "Maputo; Beira; Nampula"),
    _c("Zimbabwe", "Zimbabwean", "southern africa", "", "Harare; Bulawayo"),
    _c("Zambia", "Zambian", "southern africa", "", "Lusaka; Ndola; Kitwe"),
    _c("South Africa", "South African", "southern africa", "",
       "Pretoria; Cape Town; Johannesburg; Durban; Bloemfontein; Port Elizabeth"),
    _c("Madagascar", "Malagasy", "southern africa", "", "Antananarivo; Toamasina"),
    # Europe
    _c("Portugal", "Portuguese", "southern europe", "",
       "Lisbon; Porto; Coimbra; Braga; Faro; Évora; Setúbal; Aveiro"),
    _c("Spain", "Spanish", "southern europe", "",
       "Madrid; Barcelona; Seville; Valencia; Bilbao; Granada; Toledo; Zaragoza; Málaga"),
    _c("Italy", "Italian", "southern europe", "",
       "Rome; Milan; Naples; Turin; Florence; Venice; Bologna; Genoa; Palermo; Perugia; Pisa"),
    _c("Greece", "Greek", "southern europe", "",
       "Athens; Thessaloniki; Patras; Heraklion; Larissa"),
    _c("France", "French", "western europe", "",
       "Paris; Marseille; Lyon; Toulouse; Nice; Bordeaux; Lille; Strasbourg; Nantes"),
    _c("Belgium", "Belgian", "western europe", "", "Brussels; Antwerp; Ghent; Bruges; Liège"),
    _c("Netherlands", "Dutch", "western europe", "Holland",
       "Amsterdam; Rotterdam; The Hague; Utrecht; Leiden"),
    _c("Switzerland", "Swiss", "western europe", "", "Bern; Zürich; Geneva; Basel; Lausanne"),
    _c("Germany", "German", "western europe", "",
       "Berlin; Hamburg; Munich; Cologne; Frankfurt; Stuttgart; Dresden; Leipzig"),
    _c("Austria", "Austrian", "western europe", "", "Vienna; Salzburg; Graz; Innsbruck; Linz"),
    _c("United Kingdom", "British", "western europe", "UK; Britain; Great Britain",
       "London; Edinburgh; Manchester; Birmingham; Glasgow; Liverpool; Bristol; Cardiff"),
    _c("Ireland", "Irish", "western europe", "", "Dublin; Cork; Galway; Limerick"),
    _c("Denmark", "Danish", "northern europe", "", "Copenhagen; Aarhus; Odense"),
    _c("Norway", "Norwegian", "northern europe", "", "Oslo; Bergen; Trondheim; Stavanger"),
    _c("Sweden", "Swedish", "northern europe", "", "Stockholm; Gothenburg; Malmö; Uppsala"),
    _c("Finland", "Finnish", "northern europe", "", "Helsinki; Tampere; Turku"),
    _c("Iceland", "Icelandic", "northern europe", "", "Reykjavík; Akureyri"),
    _c("Poland", "Polish", "eastern europe", "", "Warsaw; Kraków; Gdańsk; Wrocław; Poznań"),
    _c("Czech Republic", "Czech", "eastern europe", "Czechia", "Prague; Brno; Ostrava"),
    _c("Hungary", "Hungarian", "eastern europe", "", "Budapest; Debrecen; Szeged"),
    _c("Romania", "Romanian", "eastern europe", "", "Bucharest; Cluj-Napoca; Iași"),
    _c("Bulgaria", "Bulgarian", "eastern europe", "", "Sofia; Plovdiv; Varna"),
    _c("Serbia", "Serbian", "eastern europe", "", "Belgrade; Novi Sad; Niš"),
    _c("Croatia", "Croatian", "eastern europe", "", "Zagreb; Split; Dubrovnik"),
    _c("Ukraine", "Ukrainian", "eastern europe", "", "Kyiv; Kharkiv; Odesa; Lviv; Dnipro"),
    _c("Russia", "Russian", "eastern europe", "Russian Federation",
       "Moscow; Saint Petersburg; Novosibirsk; Kazan; Vladivostok; Irkutsk; Yekaterinburg"),
    # The Americas and Oceania
    _c("United States", "American", "north america", "United States of America; USA; US",
       "Washington, D.C.; New York City; Los Angeles; Chicago; Boston; Philadelphia; "
       "San Francisco; Houston; Seattle"),
    _c("Canada", "Canadian", "north america", "",
       "Ottawa; Toronto; Montreal; Vancouver; Quebec City; Calgary"),
    _c("Mexico", "Mexican", "central america", "",
       "Mexico City; Guadalajara; Monterrey; Puebla; Veracruz"),
    _c("Cuba", "Cuban", "central america", "", "Havana; Santiago de Cuba; Camagüey"),
    _c("Brazil", "Brazilian", "south america", "",
       "Brasília; São Paulo; Rio de Janeiro; Salvador; Recife; Belo Horizonte"),
    _c("Argentina", "Argentine", "south america", "",
       "Buenos Aires; Córdoba; Rosario; Mendoza"),
    _c("Chile", "Chilean", "south america", "", "Santiago; Valparaíso; Concepción"),
    _c("Peru", "Peruvian", "south america", "", "Lima; Cusco; Arequipa; Trujillo"),
    _c("Colombia", "Colombian", "south america", "", "Bogotá; Medellín; Cali; Cartagena"),
    _c("Venezuela", "Venezuelan", "south america", "", "Caracas; Maracaibo; Valencia"),
    _c("Australia", "Australian", "oceania", "",
       "Canberra; Sydney; Melbourne; Brisbane; Perth; Adelaide"),
    _c("New Zealand", "New Zealander", "oceania", "", "Wellington; Auckland; Christchurch"),
)

# Names younger than many articles' events: "South Korea" is no option for 1911.
_SINCE = {"South Korea": 1948, "North Korea": 1948, "Pakistan": 1947, "Bangladesh": 1971,
          "Israel": 1948, "Indonesia": 1945, "Malaysia": 1963, "Tanzania": 1964,
          "Zambia": 1964, "Zimbabwe": 1980, "Ghana": 1957, "Papua New Guinea": 1975,
          "Saudi Arabia": 1932, "Czech Republic": 1993, "Democratic Republic of the Congo": 1960,
          "Mali": 1960, "Sri Lanka": 1972, "Myanmar": 1989, "Thailand": 1939, "Iran": 1935,
          "Turkey": 1923, "Iraq": 1921, "Jordan": 1946, "Lebanon": 1943, "Eritrea": 1993,
          "Ukraine": 1917, "Kazakhstan": 1936, "Uzbekistan": 1924, "Singapore": 1965,
          "Philippines": 1898}
COUNTRIES = tuple(Country(c.name, c.demonym, c.region, c.aliases, c.cities, c.provinces,
                          _split(_RIVERS.get(c.name, "")), _SINCE.get(c.name, 0))
                  for c in COUNTRIES)
# Regions next to each other, for when a region has too few countries of its own.
_NEIGHBOURS = {
    "east asia": ("southeast asia", "central asia", "south asia"),
    "southeast asia": ("east asia", "south asia", "oceania"),
    "south asia": ("central asia", "southeast asia", "middle east"),
    "central asia": ("south asia", "east asia", "middle east"),
    "middle east": ("north africa", "central asia", "south asia"),
    "north africa": ("middle east", "west africa", "east africa"),
    "east africa": ("north africa", "central africa", "southern africa", "middle east"),
    "west africa": ("north africa", "central africa"),
    "central africa": ("west africa", "east africa", "southern africa"),
    "southern africa": ("central africa", "east africa"),
    "western europe": ("southern europe", "northern europe", "eastern europe"),
    "southern europe": ("western europe", "eastern europe", "north africa"),
    "northern europe": ("western europe", "eastern europe"),
    "eastern europe": ("western europe", "northern europe", "southern europe"),
    "north america": ("central america",),
    "central america": ("north america", "south america"),
    "south america": ("central america",),
    "oceania": ("southeast asia",),
}
COUNTRY, CITY, PROVINCE, RIVER, SEA = "country", "city", "province", "river", "sea"


@dataclass(frozen=True)
class Entry:
    sort: str  # country | city | province | river | sea
    country: Country | None  # None for a sea: it belongs to a region
    region: str


@lru_cache(maxsize=1)
def _table() -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for c in COUNTRIES:
        for sort, names in ((COUNTRY, (c.name, *c.aliases)), (CITY, c.cities),
                            (PROVINCE, c.provinces), (RIVER, c.rivers)):
            for name in names:
                out.setdefault(fold(name), []).append(Entry(sort, c, c.region))
    for region, seas in SEAS.items():
        for sea in _split(seas):
            out.setdefault(fold(sea), []).append(Entry(SEA, None, region))
    return out


_SORT_ORDER = (COUNTRY, CITY, PROVINCE, RIVER, SEA)


def lookup(name: str, prefer: Country | None = None) -> Entry | None:
    """What the table knows of ``name``: one of ``prefer``'s places first (the Han River
    of a Chinese article is China's), then a country, a city, a province, a river, a sea
    ("Tripoli" is in two countries: the first listed wins)."""
    table = _table()
    key = fold(_strip_city_word(name))
    entries = table.get(key) or table.get(f"{key} river") or []
    if not entries:
        return None
    return sorted(entries, key=lambda e: (e.country != prefer or prefer is None,
                                          _SORT_ORDER.index(e.sort)))[0]


def _strip_city_word(name: str) -> str:
    # "Xiangyang City" is Xiangyang; "Mexico City" and "Quebec City" are listed whole
    if name.endswith(" City") and fold(name) not in _table():
        return name[:-5]
    return name


def country_named(name: str) -> Country | None:
    e = lookup(name)
    return e.country if e and e.sort == COUNTRY else None


def by_demonym(word: str) -> Country | None:
    for c in COUNTRIES:
        if c.demonym == word:
            return c
    return None


def main_country(text: str) -> Country | None:
    """The country an article is plainly about or set in: the one whose name, cities,
    provinces or demonym it mentions most, when it clearly leads."""
    votes: Counter[str] = Counter()
    # words two spaces apart, so two names side by side do not share the space between them
    folded = "  " + fold(text).replace(" ", "  ") + "  "
    # longest names first, each match blanked out, so "Papua New Guinea" is not Guinea too
    present = set(folded.split())
    for name, country, weight in _names_longest_first():
        if name.split(" ", 1)[0] not in present:
            continue
        needle = " " + name.replace(" ", "  ") + " "
        n = folded.count(needle)
        if n:
            if country:
                votes[country] += weight * n
            folded = folded.replace(needle, " | ")
    if not votes:
        return None
    ranked = votes.most_common(2)
    best, n = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 2 and n >= 2 * runner:
        return next(c for c in COUNTRIES if c.name == best)
    return None


@lru_cache(maxsize=1)
def _names_longest_first() -> list[tuple[str, str, int]]:
    out = []
    for c in COUNTRIES:
        for name in (c.name, c.demonym, *c.aliases):
            if len(name) > 3 or name.isupper():
                out.append((fold(name), c.name, 2))
        out += [(fold(p), c.name, 1) for p in (*c.cities, *c.provinces)]
    # names that hold a country's name but are not the country
    out += [(fold(n), "", 0) for n in ("New Guinea", "Equatorial Guinea", "Guinea-Bissau",
                                       "New Mexico", "New South Wales", "Jordan River")]
    return sorted(out, key=lambda x: (-len(x[0]), x[0]))


def same_sort_names(entry: Entry, era: int | None = None) -> list[str]:
    """Table names of the same sort as ``entry``'s place, nearest first: cities of the
    same country; provinces of the same country; countries of the same region, then the
    rest of the world (only names in use by ``era``, when it is given)."""
    c = entry.country
    if entry.sort == SEA or c is None:
        return list(_split(SEAS.get(entry.region, "")))
    if entry.sort == CITY:
        return list(c.cities)
    if entry.sort == PROVINCE:
        return list(c.provinces)
    if entry.sort == RIVER:
        return list(c.rivers)
    # China and Taiwan share the name "Republic of China": one is no wrong option for the other
    twins = {"China": "Taiwan", "Taiwan": "China"}
    known = [o for o in COUNTRIES if (era is None or o.since <= era)
             and o.name != twins.get(c.name)]
    near = [o.name for o in known if o.region == c.region]
    next_door = [o.name for o in known if o.region in _NEIGHBOURS.get(c.region, ())]
    return near + next_door + [o.name for o in known if o.name not in {*near, *next_door}]


def contains(outer: str, inner: str) -> bool:
    """Does the table put ``inner`` inside ``outer`` (a city in its country)?"""
    a, b = lookup(outer), lookup(inner)
    return bool(a and b and a.sort == COUNTRY and b.sort != COUNTRY and a.country == b.country
                and a.country is not None)


def other_country_alias(form: str, answer: str) -> bool:
    """Is ``form`` a name of a country other than the one ``answer`` names ("ROC" for
    China)?"""
    a, f = country_named(answer), country_named(form)
    return bool(f and a and f != a) or bool(f and not a)


def takes_the(name: str) -> bool:
    """Is ``name`` written after "the" ("the Yangtze River", "the Netherlands")?"""
    e = lookup(name)
    if e is None:
        return False
    if e.sort in (RIVER, SEA):
        return True
    return e.sort == COUNTRY and bool(re.match(r"(?:United|Netherlands|Philippines|Czech|"
                                               r"Democratic|Republic|Russian)", name))


def neighbours(region: str) -> tuple[str, ...]:
    return _NEIGHBOURS.get(region, ())


# Adjectives of places that do not start like the place ("Venetian sailors": Venice).
IRREGULAR_ADJECTIVES = {"Venice": "Venetian", "Naples": "Neapolitan", "Florence": "Florentine",
                        "Moscow": "Muscovite", "Genoa": "Genoese", "Glasgow": "Glaswegian",
                        "Liverpool": "Liverpudlian", "Manchester": "Mancunian"}
