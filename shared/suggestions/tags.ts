/**
 * A rough word-class tag per token (closed-class lists, suffixes, capitals), so the model can learn
 * the shape of a sentence — "NAME VBD DT NUM NNS" — which carries from one debate and speaker to the
 * next better than the words themselves. `commonWords` (words seen in lower case in the training
 * text) tells a capitalised first word that is a name ("Soros said") from an ordinary one ("Drugs are").
 */
import type { WordToken } from './tokens';

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));

const CLOSED: [string, Set<string>][] = [
  ['I', set("i i'm i've i'd i'll me my myself mine")],
  ['WE', set("we we're we've we'd we'll us our ours ourselves")],
  ['YOU', set("you you're you've you'd you'll your yours yourself")],
  ['3P', set("he she they it he's she's they're it's they've he'd she'd they'd him her them his their its theirs himself herself themselves")],
  ['DT', set('the a an this that these those every each some any all both either neither another such')],
  ['IN', set('of in on at by for with from about into over under between through during against without within among across after before since until than per toward towards upon')],
  ['CC', set('and or but nor so yet')],
  ['MD', set("will would can could should may might must shall won't wouldn't can't couldn't shouldn't cannot 'll")],
  ['BE', set("is are am be being isn't aren't there's that's what's")],
  ['BED', set("was were been wasn't weren't")],
  ['HAVE', set("have has having haven't hasn't")],
  ['HAD', set("had hadn't")],
  ['DO', set("do does doesn't don't")],
  ['DID', set("did didn't")],
  ['NEG', set('not never no nobody nothing none')],
  ['WH', set('who what when where why how which whose whom whether')],
  ['TO', set('to')],
  ['QTY', set('many much more most less least few fewer several lot lots number percent half twice')],
  ['ADV', set('very just also really now then here there too only even still again already always ever well')],
  ['SAY', set('said says say saying told tell tells stated claimed announced reported')],
  ['THINK', set('think believe feel hope guess know want wish suppose agree')],
];
const CLOSED_TAG = new Map<string, string>();
for (const [tag, words] of CLOSED) for (const w of words) if (!CLOSED_TAG.has(w)) CLOSED_TAG.set(w, tag);

const IRREGULAR_PAST = set(
  'went came took gave made got saw said told thought knew found became began brought bought built caught chose cut drove fell felt fought forgot grew heard held hid hit kept laid led left lent lost meant met paid put quit ran rose sold sent set shot shut sat slept spent spoke stood stole struck swore taught threw understood woke won wore wrote',
);
const NUMBER_WORDS = set('one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen');

export function tagTokens(tokens: WordToken[], commonWords: ReadonlySet<string>): string[] {
  return tokens.map((t, i) => {
    const w = t.lower.replace(/’/g, "'");
    if (t.norm.startsWith('<')) return t.norm === '<year>' || t.norm === '<decade>' ? 'YEAR' : 'NUM';
    if (w === '%' || w === '$' || w === '£' || w === '€' || w === '¥') return w === '%' ? 'PCT' : 'CUR';
    if (w === '?' || w === '!' || w === '"' || w === '“' || w === '”') return w === '?' ? 'Q' : w === '!' ? 'EXCL' : 'QUOT';
    if (NUMBER_WORDS.has(w)) return 'NUM';
    const capital = /^\p{Lu}/u.test(t.raw);
    if (capital && w !== 'i' && !w.startsWith("i'") && (i > 0 ? !CLOSED_TAG.has(w) : !commonWords.has(w) && !CLOSED_TAG.has(w))) return 'NAME';
    const closed = CLOSED_TAG.get(w);
    if (closed) return closed;
    if (w.endsWith("n't")) return 'NEG';
    if (IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed'))) return 'VBD';
    if (w.length > 4 && w.endsWith('ing')) return 'VBG';
    if (w.length > 4 && w.endsWith('ly')) return 'RB';
    if (w.length > 4 && /(?:est)$/.test(w)) return 'JJS';
    if (w.length > 4 && /(?:ous|ful|ive|able|ible|ical|less)$/.test(w)) return 'JJ';
    if (w.length > 3 && /(?:tion|sion|ment|ness|ity|ance|ence|ship)s?$/.test(w)) return 'NN';
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return 'NNS';
    return 'W';
  });
}
