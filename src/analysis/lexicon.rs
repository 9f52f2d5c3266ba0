//! Word lists the analysis consults: states, organisation keywords, known
//! groups, cue words and imperative verbs.
//!
//! Kept apart from the logic so they can grow without touching it. All
//! entries are lower case; callers lower-case before looking up.

/// Sovereign states (and a few territories) by their common English names.
#[rustfmt::skip]
pub const STATES: &[&str] = &[
    "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "benin", "bolivia", "bosnia",
    "botswana", "brazil", "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon", "canada",
    "chad", "chile", "china", "colombia", "congo", "costa rica", "croatia", "cuba", "cyprus",
    "czechia", "denmark", "djibouti", "ecuador", "egypt", "el salvador", "eritrea", "estonia",
    "ethiopia", "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece",
    "guatemala", "guinea", "haiti", "honduras", "hungary", "india", "indonesia", "iran", "iraq",
    "ireland", "israel", "italy", "ivory coast", "jamaica", "japan", "jordan", "kazakhstan",
    "kenya", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "libya", "lithuania",
    "malaysia", "mali", "mauritania", "mexico", "moldova", "mongolia", "montenegro", "morocco",
    "mozambique", "myanmar", "namibia", "nepal", "netherlands", "new zealand", "nicaragua", "niger",
    "nigeria", "north korea", "norway", "oman", "pakistan", "palestine", "panama", "paraguay",
    "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda",
    "saudi arabia", "senegal", "serbia", "sierra leone", "singapore", "slovakia", "slovenia",
    "somalia", "somaliland", "south africa", "south korea", "south sudan", "spain", "sri lanka",
    "sudan", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand",
    "togo", "tunisia", "turkey", "türkiye", "turkmenistan", "uganda", "ukraine",
    "united arab emirates", "united kingdom", "united states", "uruguay", "uzbekistan", "venezuela",
    "vietnam", "yemen", "zambia", "zimbabwe", "the united states", "the united kingdom",
    "the philippines", "the netherlands", "us", "usa", "uk", "uae", "prc", "dprk", "rok",
    "people's republic of china", "republic of china", "democratic republic of the congo", "drc",
];

/// Adjectives of nationality; a phrase made only of these is not an actor.
#[rustfmt::skip]
pub const DEMONYMS: &[&str] = &[
    "afghan", "american", "british", "chinese", "colombian", "egyptian", "ethiopian", "european",
    "french", "german", "indian", "indonesian", "iranian", "iraqi", "israeli", "japanese", "kenyan",
    "korean", "libyan", "malian", "mexican", "nigerian", "nigerien", "pakistani", "palestinian",
    "philippine", "russian", "saudi", "somali", "sudanese", "syrian", "taiwanese", "turkish",
    "ukrainian", "venezuelan", "yemeni", "western", "burkinabe", "chadian", "haitian", "ecuadorian",
    "chilean", "peruvian", "brazilian", "argentine", "cuban", "nicaraguan", "congolese", "rwandan",
    "ugandan", "burundian", "bangladeshi", "burmese", "rohingya", "filipino", "vietnamese", "thai",
    "malaysian", "australian", "canadian", "italian", "spanish", "polish", "swedish", "finnish",
    "estonian", "latvian", "lithuanian", "danish", "norwegian", "dutch", "belgian", "greek",
    "eritrean", "djiboutian", "emirati", "omani", "qatari", "kuwaiti", "jordanian", "lebanese",
    "algerian", "moroccan", "tunisian", "egyptian", "mauritanian", "senegalese", "ivorian",
    "ghanaian", "cameroonian", "mozambican", "tanzanian", "zambian", "kazakh", "uzbek", "tajik",
    "turkmen", "kyrgyz", "georgian", "armenian", "azerbaijani", "belarusian", "serbian", "kosovar",
    "bosnian", "albanian", "croatian", "hungarian", "romanian", "bulgarian", "moldovan", "swiss",
    "austrian", "irish", "scottish", "english", "welsh", "salvadoran", "honduran", "guatemalan",
    "panamanian", "costa", "bolivian", "paraguayan", "uruguayan", "colombian", "nepali", "sri",
    "afghani", "kurdish", "arab", "african", "asian", "latin", "north korean", "south korean", "south sudanese",
];

/// Capitals that stand for their state's government ("Manila says …").
#[rustfmt::skip]
pub const SEATS_OF_GOVERNMENT: &[(&str, &str)] = &[
    ("islamabad", "pakistan"), ("kabul", "afghanistan"), ("washington", "united states"),
    ("beijing", "china"), ("moscow", "russia"), ("tehran", "iran"), ("new delhi", "india"),
    ("delhi", "india"), ("manila", "philippines"), ("seoul", "south korea"),
    ("pyongyang", "north korea"), ("tokyo", "japan"), ("taipei", "taiwan"), ("bamako", "mali"),
    ("mogadishu", "somalia"), ("cairo", "egypt"), ("santiago", "chile"), ("caracas", "venezuela"),
    ("mexico city", "mexico"), ("dhaka", "bangladesh"), ("kinshasa", "democratic republic of the congo"),
    ("kigali", "rwanda"), ("abuja", "nigeria"), ("nairobi", "kenya"), ("addis ababa", "ethiopia"),
    ("ankara", "turkey"), ("riyadh", "saudi arabia"), ("kyiv", "ukraine"), ("london", "united kingdom"),
    ("paris", "france"), ("berlin", "germany"), ("canberra", "australia"), ("hanoi", "vietnam"),
    ("niamey", "niger"), ("ouagadougou", "burkina faso"), ("khartoum", "sudan"), ("tallinn", "estonia"),
    ("riga", "latvia"), ("vilnius", "lithuania"), ("helsinki", "finland"), ("warsaw", "poland"),
];

/// Capital cities, often used for governments ("Islamabad", "Kabul").
#[rustfmt::skip]
pub const CAPITALS: &[&str] = &[
    "islamabad", "kabul", "washington", "beijing", "moscow", "tehran", "new delhi", "delhi",
    "london", "paris", "berlin", "brussels", "ankara", "riyadh", "cairo", "abuja", "nairobi",
    "mogadishu", "bamako", "niamey", "ouagadougou", "khartoum", "addis ababa", "kyiv", "kiev",
    "pyongyang", "seoul", "tokyo", "taipei", "manila", "jakarta", "caracas", "bogotá", "bogota",
    "mexico city", "quito", "port-au-prince", "baghdad", "damascus", "beirut", "sana'a", "sanaa",
];

/// Words that make a capitalised phrase an organisation that can threaten
/// (matched against each word and each hyphen-separated part of a word).
#[rustfmt::skip]
pub const ORG_KEYWORDS: &[&str] = &[
    "taliban", "qaida", "qaeda", "qa'ida", "qa’ida", "shabaab", "shabab", "haram", "hezbollah",
    "hizbollah", "hizballah", "hamas", "houthi", "houthis", "ansarallah", "jihad", "mujahideen",
    "lashkar", "jaish", "tehreek", "tehrik", "jamaat", "jama'at", "wilayat", "daesh", "isis",
    "isil", "iskp", "aqap", "aqim", "aqis", "jnim", "group", "front", "movement", "army", "brigade",
    "brigades", "cartel", "cartels", "network", "militia", "militias", "gang", "gangs", "mafia",
    "syndicate", "brotherhood", "forces", "clan", "triad", "triads", "corps", "insurgency",
    "commandos", "battalion", "legion", "tigers", "liberation", "resistance", "typhoon", "chollima",
];

/// Groups named without any keyword that the analysis should still know.
#[rustfmt::skip]
pub const KNOWN_GROUPS: &[&str] = &[
    "al-qaida", "al-qaeda", "boko haram", "al-shabaab", "hezbollah", "hamas", "wagner",
    "africa corps", "tren de aragua", "ms-13", "mara salvatrucha", "barrio 18", "sinaloa",
    "'ndrangheta", "camorra", "lockbit", "blackcat", "alphv", "cl0p", "clop", "conti", "lazarus",
    "sandworm", "kimsuky", "fancy bear", "cozy bear", "volt typhoon", "salt typhoon",
    "scattered spider", "apt28", "apt29", "apt41", "isis", "isil", "daesh", "iskp", "houthis",
    "pkk", "farc", "eln", "abu sayyaf", "al-ittihad", "jnim", "ttp",
];

/// Heads of defined phrases that are things or institutions, never actors
/// ("Improvised Explosive Devices (IEDs)", "Financial Action Task Force").
#[rustfmt::skip]
pub const NON_ACTOR_HEADS: &[&str] = &[
    "device", "devices", "weapon", "weapons", "system", "systems", "vehicle", "vehicles", "zone",
    "area", "areas", "strategy", "plan", "act", "law", "agreement", "programme", "program",
    "initiative", "council", "committee", "agency", "ministry", "department", "office",
    "commission", "bank", "fund", "union", "nations", "summit", "treaty", "convention", "process",
    "mechanism", "framework", "report", "index", "product", "products", "force", "mission",
    "operation", "corridor", "regime", "policy", "doctrine", "centre", "center", "authority",
    "court", "police", "service", "services", "bureau", "directorate", "institute", "university",
    "organization", "organisation", "association", "alliance", "partnership", "dialogue", "missile",
    "missiles", "drone", "drones", "border", "line", "province", "region", "state", "unit",
];

/// Words of a state's own institutions: "Pakistan Army", "Afghan government".
#[rustfmt::skip]
pub const STATE_ORGANS: &[&str] = &[
    "army", "navy", "air", "government", "ministry", "police", "forces", "military", "intelligence",
    "authorities", "parliament", "senate", "congress", "coast", "guard", "border", "security",
];

/// Words near a mention that mark the actor as a source of harm.
#[rustfmt::skip]
pub const THREAT_CUES: &[&str] = &[
    "attack", "attacks", "attacked", "attacking", "threat", "threats", "plot", "plots", "bomb",
    "bombing", "bombings", "bomber", "bombers", "suicide", "militant", "militants", "militancy",
    "terrorist", "terrorists", "terrorism", "insurgent", "insurgents", "assault", "assaults",
    "kill", "killed", "killing", "kidnap", "kidnapping", "kidnappings", "extortion", "extort",
    "trafficking", "traffickers", "smuggling", "smugglers", "ransomware", "hack", "hacking",
    "hackers", "intrusion", "intrusions", "espionage", "recruit", "recruits", "recruitment",
    "camps", "resurgence", "re-emergence", "fighters", "commander", "commanders", "cells",
    "violence", "violent", "raid", "raids", "ambush", "jihadist", "jihadists", "extremist",
    "extremists", "piracy", "pirates", "massacre", "abduction", "abductions", "operatives",
    "insurgency", "offensive", "offensives", "incursion", "incursions", "infiltration",
    "compromise", "compromised", "breach", "breaches", "malware", "exploit", "exploited", "seized",
    "seize", "captured", "overran", "executed", "beheaded", "laundering", "designated",
    "sanctioned", "affiliate", "affiliates", "affiliated", "linked", "led", "plotted", "targeting",
    "targeted", "targets", "claimed", "responsibility", "gunmen", "attackers", "sleeper",
    "resurgent", "expansion", "expanded", "capabilities", "threatens", "threatened", "fought",
    "fighting", "siege", "besieged", "blockade", "blockading", "ambushed", "ambushes", "taxes",
    "taxing", "extorts", "extorting", "controls", "regained", "captured", "seizing", "bombed",
    "shelled", "shelling", "drone", "drones", "missile", "missiles", "fired", "firing",
    "harassment", "harassed", "rammed", "blocked", "cannon", "intruders", "encrypted", "encrypting",
    "leak", "leaked", "stolen", "stole", "exfiltrated", "ransom", "botnet", "access", "implants",
    "pre-positioning", "smuggled", "trafficked", "laundered", "recruited", "abducted", "murdered",
    "murders", "homicides", "killings", "massacred", "insurgents", "rebels", "rebel", "armed",
    "raided", "looting", "looted", "campaign", "hostage", "hostages", "war",
];

/// Keywords of names that belong to armed, criminal or hostile cyber groups:
/// such a group is a threat unless the text clearly casts it otherwise.
#[rustfmt::skip]
pub const HOSTILE_KEYWORDS: &[&str] = &[
    "taliban", "qaida", "qaeda", "shabaab", "shabab", "haram", "jihad", "mujahideen", "lashkar",
    "jaish", "tehreek", "tehrik", "daesh", "isis", "isil", "iskp", "aqap", "aqim", "aqis", "jnim",
    "cartel", "cartels", "gang", "gangs", "militia", "militias", "mafia", "syndicate", "typhoon",
    "panda", "bear", "spider", "kitten", "chollima", "army", "front", "brigade", "brigades",
    "insurgency", "liberation", "tigers", "movement", "houthis", "houthi", "hezbollah", "hamas",
    "islamic", "wilayat", "ansar",
];

/// Words near a mention that mark the actor as sheltering or supporting a threat.
#[rustfmt::skip]
pub const ENABLER_CUES: &[&str] = &[
    "shelter", "sheltering", "sanctuary", "sanctuaries", "harbour", "harbouring", "harbor",
    "harboring", "host", "hosts", "hosting", "sponsor", "sponsors", "sponsored", "sponsorship",
    "provision", "provide", "provides", "providing", "logistical", "ties", "tolerate", "tolerates",
    "tolerating", "reluctance", "reluctant", "deny", "denies", "denial", "assurances", "protect",
    "protects", "protection", "patron", "patrons", "backing", "arming", "arms", "allow", "allows",
    "allowed", "permit", "permits", "complicity", "complicit", "facilitate", "facilitates",
    "facilitating", "safe",
];

/// Words near a mention that mark the actor as helping the brief's subject.
#[rustfmt::skip]
pub const PARTNER_CUES: &[&str] = &[
    "assistance", "cooperation", "partner", "partners", "partnership", "ally", "allies",
    "collaboration", "help", "helped", "aid", "joint", "support", "supported", "together",
];

/// Base forms of verbs that open recommendations ("Strengthen ...", "should
/// strengthen ...").
#[rustfmt::skip]
pub const IMPERATIVE_VERBS: &[&str] = &[
    "accept", "act", "add", "address", "adopt", "advance", "agree", "align", "allocate", "amend",
    "announce", "apply", "appoint", "ask", "assess", "attach", "avoid", "back", "ban", "bar",
    "bolster", "boost", "brief", "bring", "broaden", "budget", "build", "buy", "calibrate", "call",
    "cap", "carry", "channel", "check", "choose", "clarify", "clear", "close", "codify", "collect",
    "combat", "commission", "commit", "communicate", "compel", "complete", "condition", "conduct",
    "consider", "consolidate", "consult", "contain", "continue", "cooperate", "coordinate",
    "counter", "cover", "crack", "create", "curb", "cut", "debunk", "decide", "declare", "dedicate",
    "deepen", "defend", "define", "deliver", "demand", "demonstrate", "deny", "deploy", "designate",
    "deter", "develop", "direct", "discourage", "dismantle", "disrupt", "diversify", "document",
    "double", "draft", "drop", "educate", "elevate", "eliminate", "embed", "empower", "enable",
    "enact", "encourage", "end", "enforce", "engage", "enhance", "enlarge", "enlist", "ensure",
    "escort", "establish", "evaluate", "examine", "exclude", "expand", "expedite", "expose",
    "extend", "facilitate", "fill", "finance", "fix", "focus", "fold", "follow", "formalise",
    "formalize", "fortify", "foster", "freeze", "fund", "get", "give", "guarantee", "halt",
    "handle", "harden", "harmonise", "harmonize", "help", "hire", "hold", "identify", "impose",
    "improve", "incentivise", "incentivize", "include", "increase", "inform", "insist", "inspect",
    "install", "instruct", "integrate", "intensify", "introduce", "invest", "involve", "issue",
    "join", "keep", "launch", "lead", "learn", "legislate", "let", "leverage", "lift", "limit",
    "link", "list", "lower", "maintain", "make", "mandate", "map", "maximise", "maximize",
    "measure", "meet", "mitigate", "mobilise", "mobilize", "modernise", "modernize", "monitor",
    "move", "name", "negotiate", "oblige", "offer", "open", "operationalise", "operationalize",
    "oppose", "order", "organise", "organize", "pair", "pass", "pay", "pilot", "plan", "pledge",
    "pool", "prepare", "preserve", "press", "pressure", "prevent", "prioritise", "prioritize",
    "promote", "prosecute", "protect", "prove", "provide", "publish", "purchase", "pursue", "push",
    "put", "raise", "ratify", "reach", "reallocate", "reassess", "reassure", "rebalance", "rebuild",
    "recognise", "recognize", "reconsider", "record", "recruit", "redirect", "redouble", "reduce",
    "refocus", "reform", "register", "regulate", "reinforce", "reinstate", "reintegrate",
    "reinvigorate", "reject", "release", "relocate", "remove", "renew", "repair", "replace",
    "request", "require", "reserve", "reset", "resist", "resolve", "resource", "respond", "restore",
    "restrict", "resume", "retain", "rethink", "return", "review", "revise", "revitalise",
    "revitalize", "reward", "route", "run", "safeguard", "sanction", "save", "scale", "scrap",
    "screen", "seal", "secure", "seek", "send", "set", "settle", "share", "shield", "shift",
    "shore", "show", "shut", "sign", "simplify", "spend", "squeeze", "staff", "stand",
    "standardise", "standardize", "start", "station", "steer", "step", "stockpile", "stop",
    "streamline", "strengthen", "stress", "subsidise", "subsidize", "supply", "support", "suspend",
    "sustain", "tackle", "tailor", "take", "target", "teach", "tell", "test", "tie", "tighten",
    "trace", "track", "train", "transfer", "treat", "triple", "turn", "underwrite", "unify",
    "unlock", "update", "upgrade", "uphold", "urge", "use", "verify", "vet", "waive", "warn",
    "widen", "win", "withdraw", "work",
];

/// Whether `word` (any case) is in `list`.
pub fn contains(list: &[&str], word: &str) -> bool {
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}
