/**
 * The small word lists the archive's matching relies on: words that say nothing about which claim
 * it is (stopwords, hedges, attribution), words that turn a claim around (negation, direction), and
 * groups of words that fact-checks use for the same thing ("died" / "killed" / "deaths").
 */

export const STOPWORDS = new Set(
  `a about above after again against all almost also am an and any are as at be because been before being
  below between both but by can could did do does doing done during each else ever every few for from further
  had has have having he her here hers herself him himself his how i if in into is it its itself just
  me my myself nearly now of off on once only or other our ours ourselves out over own per roughly
  same she should so some such than that the their theirs them themselves then there these they this those
  through to too under until upon very was we were what when where which while who whom why will with would
  you your yours yourself yourselves estimated estimate say says said claim claims claimed claiming according
  stated statement percent cent percentage point points least just still even really actually currently today
  recently`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that negate what follows; a claim and its negation are different claims. */
export const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without', "n't"]);

/** Words of change upwards and downwards ("unemployment rose" is not "unemployment fell"). */
export const UP_WORDS = [
  'rise', 'rises', 'rose', 'risen', 'rising', 'increase', 'increased', 'increases', 'increasing', 'grow', 'grew',
  'grown', 'growing', 'growth', 'climb', 'climbed', 'surge', 'surged', 'jump', 'jumped', 'soar', 'soared', 'up',
  'higher', 'highest', 'more', 'gain', 'gained', 'boost', 'boosted', 'doubled', 'tripled', 'raise', 'raised', 'hike', 'hiked',
];
export const DOWN_WORDS = [
  'fall', 'falls', 'fell', 'fallen', 'falling', 'decrease', 'decreased', 'decreases', 'decline', 'declined', 'drop',
  'dropped', 'down', 'lower', 'lowest', 'lowered', 'less', 'fewer', 'fewest', 'cut', 'cuts', 'shrink', 'shrank', 'shrunk', 'plunge',
  'plunged', 'reduce', 'reduced', 'reduction', 'slash', 'slashed', 'halved', 'slump', 'slumped', 'lose', 'lost',
];

/**
 * Groups of words a paraphrase swaps freely; every word is indexed as the group's first word, so
 * "jobless" finds "unemployment" in BM25 and counts as the same word in the re-ranker.
 */
export const SYNONYM_GROUPS: string[][] = [
  ['increase', 'rise', 'rose', 'risen', 'grow', 'grew', 'grown', 'growth', 'climb', 'surge', 'jump', 'soar', 'gain', 'boost', 'hike', 'raise', 'expand', 'expanded'],
  ['decrease', 'fall', 'fell', 'fallen', 'decline', 'drop', 'shrink', 'shrank', 'shrunk', 'plunge', 'reduce', 'reduction', 'slash', 'slump'],
  ['die', 'died', 'dies', 'death', 'deaths', 'dead', 'kill', 'killed', 'fatal', 'fatality', 'fatalities', 'perish', 'lives'],
  ['job', 'jobs', 'employment'],
  ['unemployment', 'jobless', 'unemployed'],
  ['doctor', 'physician', 'gp'],
  ['child', 'children', 'kid', 'kids'],
  ['car', 'cars', 'vehicle', 'automobile'],
  ['price', 'cost', 'costs'],
  ['wage', 'wages', 'salary', 'salaries', 'earnings'],
  ['spend', 'spending', 'spent', 'expenditure'],
  ['immigrant', 'migrant', 'immigrants', 'migrants'],
  ['murder', 'homicide'],
  ['student', 'pupil'],
  ['biggest', 'largest'],
  ['smallest', 'tiniest'],
  ['big', 'large', 'huge'],
  ['buy', 'bought', 'purchase'],
  ['ban', 'banned', 'prohibit', 'outlaw', 'forbid'],
  ['law', 'legislation', 'statute'],
  ['country', 'nation'],
  ['crime', 'offence', 'offense'],
  ['gun', 'firearm'],
  ['home', 'house', 'housing'],
  ['woman', 'women', 'female'],
  ['man', 'men', 'male'],
  ['people', 'person', 'persons', 'individuals'],
  ['year', 'annual', 'annually', 'yearly'],
  ['begin', 'start', 'began', 'started'],
  ['double', 'twice', 'doubled'],
  ['triple', 'tripled', 'thrice'],
  ['police', 'officer', 'officers', 'cop', 'cops'],
  ['vaccine', 'vaccination', 'vaccinated', 'jab', 'jabs'],
  ['rich', 'wealthy'],
  ['richest', 'wealthiest'],
  ['bicycle', 'bicycles', 'bike', 'bikes'],
  ['pension', 'pensions', 'retirement'],
  ['elderly', 'pensioner', 'pensioners', 'senior', 'seniors', 'retiree', 'retirees'],
  ['teacher', 'educator'],
  ['billionaire', 'billionaires'],
  ['homeless', 'homelessness'],
  ['sick', 'ill', 'illness'],
  ['hire', 'hired', 'recruit', 'recruited'],
  ['fine', 'penalty'],
  ['ship', 'vessel'],
  ['plane', 'aircraft', 'airplane'],
];

/** Titles stripped from names: "President Biden" and "Biden" are one person. */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'senator', 'sen', 'governor', 'gov', 'mayor', 'mr', 'mrs', 'ms', 'dr',
  'rep', 'representative', 'congressman', 'congresswoman', 'secretary', 'chancellor', 'premier', 'king', 'queen',
  'prince', 'princess', 'sir', 'dame', 'lord', 'judge', 'justice', 'general', 'former', 'the', 'professor', 'prof',
]);

/** Words of a name that do not identify it alone ("New" Zealand / "New" York, "State" of …). */
export const GENERIC_NAME_WORDS = new Set([
  'new', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'united',
  'city', 'state', 'states', 'county', 'republic', 'kingdom', 'university', 'department', 'ministry', 'national',
  'federal', 'of', 'the', 'and', 'de', 'la', 'st', 'saint', 'great', 'party', 'democratic', 'people', 'royal',
  'office', 'agency', 'bank', 'council', 'house', 'court', 'health', 'service', 'fort', 'port', 'san', 'los', 'las',
  'el', 'mount', 'lake', 'island', 'islands', 'province', 'district',
]);

/**
 * Other names of places and bodies, lower-case, mapped to one name ("US", "U.S.", "America" and
 * "American" are the United States). Only alternative names: any other capitalised name is kept as written.
 */
export const NAME_ALIASES: Record<string, string> = {
  us: 'united states', 'u.s': 'united states', 'u.s.': 'united states', usa: 'united states', 'u.s.a': 'united states',
  america: 'united states', american: 'united states', americans: 'united states', 'united states of america': 'united states',
  uk: 'united kingdom', 'u.k': 'united kingdom', 'u.k.': 'united kingdom', britain: 'united kingdom',
  'great britain': 'united kingdom', british: 'united kingdom', britons: 'united kingdom',
  nyc: 'new york city', la: 'los angeles', dc: 'washington', texan: 'texas', texans: 'texas',
  californian: 'california', californians: 'california', floridian: 'florida', alaskan: 'alaska', alaskans: 'alaska',
  european: 'europe', europeans: 'europe', african: 'africa', africans: 'africa', asian: 'asia',
  nz: 'new zealand', 'new zealanders': 'new zealand', kiwi: 'new zealand', kiwis: 'new zealand',
  eu: 'european union', un: 'united nations', uae: 'united arab emirates', drc: 'democratic republic of the congo',
  holland: 'netherlands', dutch: 'netherlands', french: 'france', german: 'germany', germans: 'germany',
  italian: 'italy', spanish: 'spain', irish: 'ireland', scottish: 'scotland', welsh: 'wales', english: 'england',
  canadian: 'canada', canadians: 'canada', australian: 'australia', australians: 'australia', aussie: 'australia',
  mexican: 'mexico', mexicans: 'mexico', chinese: 'china', japanese: 'japan', indian: 'india', indians: 'india',
  russian: 'russia', russians: 'russia', ukrainian: 'ukraine', ukrainians: 'ukraine', brazilian: 'brazil',
  nigerian: 'nigeria', nigerians: 'nigeria', kenyan: 'kenya', kenyans: 'kenya', south_african: 'south africa',
  swedish: 'sweden', norwegian: 'norway', danish: 'denmark', finnish: 'finland', polish: 'poland', greek: 'greece',
  turkish: 'turkey', israeli: 'israel', israelis: 'israel', palestinian: 'palestine', iranian: 'iran', iraqi: 'iraq',
  syrian: 'syria', egyptian: 'egypt', pakistani: 'pakistan', filipino: 'philippines', philippine: 'philippines',
  nhs: 'national health service', cdc: 'centers for disease control', who: 'world health organization',
  nasa: 'nasa', fbi: 'fbi', gop: 'republican', republicans: 'republican', democrats: 'democrat', dems: 'democrat',
  labour: 'labour', tories: 'conservative', tory: 'conservative', conservatives: 'conservative',
};

/** Place names that may open a sentence and still be names ("Texas spends …"): countries and US states. */
export const KNOWN_PLACES = new Set(
  `afghanistan albania algeria angola argentina armenia australia austria azerbaijan bangladesh belarus belgium
  bolivia bosnia botswana brazil bulgaria cambodia cameroon canada chile china colombia congo croatia cuba cyprus
  czechia denmark ecuador egypt england estonia ethiopia finland france georgia germany ghana greece guatemala haiti
  honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya
  korea kosovo kuwait latvia lebanon libya lithuania luxembourg madagascar malawi malaysia mali malta mexico moldova
  mongolia morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine
  panama paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore
  slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda
  ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana
  iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
  nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
  london paris berlin tokyo beijing moscow delhi mumbai lagos nairobi sydney melbourne toronto chicago houston
  europe africa asia`
    .split(/\s+/)
    .filter(Boolean),
);
