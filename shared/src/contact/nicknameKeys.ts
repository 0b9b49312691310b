import { foldName } from './foldName';

/**
 * Given names that name the same person: the canonical name first, then its nicknames, short forms
 * and the spellings of it people write (Bill is William, Pepe is José, Саша is Александр). All in
 * folded form (see `foldName`): lower case, without accents, Cyrillic й as и and ё as е, Greek final ς
 * as σ. Names of other languages that only translate one another (William, Guillaume, Wilhelm) are not
 * joined: a nickname table says who someone is called, not how a name translates.
 *
 * A name may sit in several groups (Alex is Alexander or Alexandra; Chris is Christopher, Christina
 * or Christian): it then has several keys. Used for matching only, where a shared phone or email is
 * still required, never to rewrite a name.
 */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  // English
  ['william', 'bill', 'billy', 'will', 'willy', 'willie', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'robby', 'bert', 'bertie'],
  [
    'elizabeth',
    'elisabeth',
    'liz',
    'lizzie',
    'lizzy',
    'liza',
    'eliza',
    'beth',
    'betty',
    'betsy',
    'bess',
    'bessie',
    'libby',
    'lisa',
    'elsa',
    'elise',
    'lies',
    'liesl',
  ],
  [
    'katherine',
    'catherine',
    'katharine',
    'kathryn',
    'katharina',
    'kate',
    'katie',
    'katy',
    'kathy',
    'cathy',
    'kat',
    'kitty',
    'kathi',
  ],
  [
    'alexander',
    'aleksander',
    'aleksandr',
    'alex',
    'alec',
    'xander',
    'lex',
    'sasha',
    'sascha',
    'sandy',
    'olek',
  ],
  ['alexandra', 'aleksandra', 'alex', 'alexa', 'lexi', 'lexie', 'sasha', 'sascha', 'sandy'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['michael', 'mike', 'mikey', 'mick', 'mickey', 'micky'],
  ['john', 'jack', 'johnny', 'johnnie', 'jon'],
  ['jonathan', 'jon', 'jonny', 'jonty'],
  ['richard', 'rick', 'ricky', 'rich', 'richie', 'dick', 'dickie'],
  ['thomas', 'tom', 'tommy', 'thom'],
  ['joseph', 'joe', 'joey'],
  ['charles', 'charlie', 'chuck', 'chas', 'chaz'],
  ['edward', 'ed', 'eddie', 'eddy', 'ted', 'teddy', 'ned'],
  ['edmund', 'ed', 'eddie', 'ned'],
  ['henry', 'hank', 'harry', 'hal'],
  ['harold', 'harry', 'hal'],
  [
    'margaret',
    'maggie',
    'meg',
    'peggy',
    'marge',
    'margie',
    'madge',
    'greta',
    'grete',
    'gretchen',
    'margarete',
  ],
  ['patricia', 'pat', 'patty', 'patsy', 'tricia', 'trish'],
  ['patrick', 'pat', 'paddy'],
  ['christopher', 'christoph', 'chris', 'kit', 'topher'],
  ['christina', 'christine', 'kristina', 'kristine', 'chris', 'chrissy', 'tina'],
  ['christian', 'chris'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davy', 'davey'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['anthony', 'antony', 'tony'],
  ['nicholas', 'nicolas', 'nikolaus', 'nick', 'nicky', 'nico', 'klaus'],
  ['benjamin', 'ben', 'benny', 'benji'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy', 'sammie'],
  ['matthew', 'matt', 'matty'],
  ['andrew', 'andy', 'drew'],
  ['timothy', 'tim', 'timmy'],
  ['peter', 'pete'],
  ['gregory', 'greg'],
  ['jeffrey', 'geoffrey', 'jeff', 'geoff'],
  ['kenneth', 'ken', 'kenny'],
  ['lawrence', 'laurence', 'larry', 'laurie'],
  ['leonard', 'len', 'lenny', 'leo'],
  ['donald', 'don', 'donnie'],
  ['ronald', 'ron', 'ronnie'],
  ['raymond', 'ray'],
  ['gerald', 'gerry', 'jerry'],
  ['jennifer', 'jen', 'jenn', 'jenny'],
  ['rebecca', 'becky', 'becca', 'bex'],
  ['deborah', 'debra', 'deb', 'debbie', 'debby'],
  ['susan', 'susanne', 'suzanne', 'sue', 'susie', 'suzie', 'suzy'],
  ['victoria', 'vicky', 'vicki', 'tori'],
  ['abigail', 'abby', 'abbie', 'gail'],
  ['jessica', 'jess', 'jessie'],
  ['barbara', 'barb', 'babs'],
  ['dorothy', 'dot', 'dottie', 'dolly'],
  ['frances', 'fran', 'fanny', 'frankie'],
  ['francis', 'frank', 'frankie', 'fran'],
  ['eleanor', 'elinor', 'ellie', 'nell', 'nellie', 'nora'],
  ['mary', 'molly', 'polly', 'mae'],
  ['ann', 'anne', 'anna', 'annie', 'nan', 'nancy'],
  ['sarah', 'sara', 'sally', 'sadie'],
  ['judith', 'judy', 'jude'],
  ['theodore', 'ted', 'teddy', 'theo'],
  ['zachary', 'zach', 'zack', 'zak'],
  ['nathaniel', 'nate', 'nat'],
  ['kimberly', 'kimberley', 'kim', 'kimmy'],
  ['isabel', 'isabella', 'isabelle', 'izzy', 'bella', 'belle'],
  ['gabriel', 'gabe', 'gabi'],
  ['gabriella', 'gabrielle', 'gabby', 'gabi'],
  ['josephine', 'jo', 'josie'],
  ['joanna', 'joanne', 'jo'],
  ['emily', 'em', 'emmy', 'millie'],
  ['amelia', 'millie', 'mia'],
  ['oliver', 'ollie', 'olly'],
  ['olivia', 'liv', 'livvy', 'ollie'],
  ['albert', 'al', 'bert', 'bertie'],
  ['alfred', 'alf', 'alfie', 'fred', 'freddie'],
  ['frederick', 'frederic', 'fred', 'freddie', 'freddy'],
  ['walter', 'walt', 'wally'],
  ['vincent', 'vince', 'vinny'],
  ['douglas', 'doug'],
  ['philip', 'phillip', 'phil'],
  ['louis', 'lou', 'louie'],
  ['louise', 'lou', 'lulu'],
  ['cynthia', 'cindy'],
  ['theresa', 'teresa', 'terri', 'terry', 'tess', 'tessa'],
  ['pamela', 'pam', 'pammy'],
  ['jacqueline', 'jackie', 'jacqui', 'jacquie'],
  ['terence', 'terrence', 'terry'],
  // Spanish and Portuguese
  ['jose', 'pepe', 'pepito'],
  ['francisco', 'paco', 'pancho', 'curro', 'fran', 'chico'],
  ['guadalupe', 'lupe', 'lupita'],
  ['concepcion', 'concha', 'conchita'],
  ['dolores', 'lola'],
  ['ignacio', 'nacho'],
  ['enrique', 'quique', 'kike'],
  ['manuel', 'manolo', 'manu'],
  ['jesus', 'chucho', 'chuy', 'chus'],
  ['rosario', 'charo', 'chayo'],
  ['eduardo', 'edu', 'lalo'],
  ['fernando', 'nando'],
  ['roberto', 'beto'],
  ['alberto', 'beto'],
  ['guillermo', 'memo', 'guille'],
  ['antonio', 'tono', 'toni'],
  // German and Dutch
  ['johannes', 'johann', 'hans', 'hannes', 'jo'],
  ['friedrich', 'fritz'],
  ['heinrich', 'heinz', 'heiner'],
  ['wolfgang', 'wolfi'],
  ['franziska', 'franzi'],
  ['maximilian', 'max', 'maxi'],
  ['sebastian', 'basti', 'seb'],
  ['cornelis', 'kees'],
  ['hendrik', 'henk'],
  ['pieter', 'piet'],
  // Italian
  ['giuseppe', 'beppe', 'peppe', 'pino', 'peppino'],
  ['giovanni', 'gianni', 'vanni'],
  ['francesco', 'cecco', 'checco'],
  ['salvatore', 'toto', 'salvo'],
  // Polish
  ['malgorzata', 'gosia', 'malgosia'],
  ['katarzyna', 'kasia'],
  ['wojciech', 'wojtek'],
  ['krzysztof', 'krzys', 'krzysiek'],
  ['stanislaw', 'stas', 'staszek'],
  // Russian, in Cyrillic (folded: й → и, ё → е) and in Latin transliteration
  ['александр', 'саша', 'шура', 'саня', 'алекс'],
  ['александра', 'саша', 'шура', 'саня'],
  ['алексеи', 'алеша', 'леша'],
  ['дмитрии', 'дима', 'митя'],
  ['владимир', 'вова', 'володя'],
  ['михаил', 'миша'],
  ['николаи', 'коля'],
  ['сергеи', 'сережа', 'серега'],
  ['евгении', 'женя'],
  ['евгения', 'женя'],
  ['екатерина', 'катя'],
  ['елена', 'лена'],
  ['мария', 'маша'],
  ['наталья', 'наталия', 'наташа'],
  ['анна', 'аня'],
  ['ольга', 'оля'],
  ['татьяна', 'таня'],
  ['иван', 'ваня'],
  ['павел', 'паша'],
  ['константин', 'костя'],
  ['dmitri', 'dmitry', 'dmitriy', 'dima'],
  ['mikhail', 'misha'],
  ['vladimir', 'vova', 'volodya'],
  ['nikolai', 'nikolay', 'kolya'],
  ['sergei', 'sergey', 'seryozha'],
  ['ekaterina', 'yekaterina', 'katya', 'katia'],
  ['natalia', 'natalya', 'natasha'],
  ['tatiana', 'tatyana', 'tanya'],
  ['ivan', 'vanya'],
  ['yevgeny', 'evgeny', 'evgeniy', 'zhenya'],
  // Greek (folded: no accents, final ς as σ)
  ['γεωργιοσ', 'γιωργοσ', 'γιωργησ'],
  ['κωνσταντινοσ', 'κωστασ', 'ντινοσ'],
  ['ιωαννησ', 'γιαννησ'],
  ['δημητριοσ', 'δημητρησ', 'μητσοσ'],
  ['αικατερινη', 'κατερινα'],
  ['αλεξανδροσ', 'αλεκοσ'],
  // Arabic names and their usual Latin spellings
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'muhammed', 'mohamad', 'mohd'],
  ['محمد', 'حمودي'],
  ['ahmed', 'ahmad'],
  ['abdullah', 'abdallah', 'abdulla'],
  ['yusuf', 'yousef', 'youssef', 'yousif'],
];

const CANONICALS = new Map<string, string[]>();
for (const group of NICKNAME_GROUPS) {
  const canonical = group[0];
  if (canonical === undefined) continue;
  for (const name of new Set(group)) {
    const known = CANONICALS.get(name);
    if (known === undefined) CANONICALS.set(name, [canonical]);
    else if (!known.includes(canonical)) known.push(canonical);
  }
}
for (const canonicals of CANONICALS.values()) canonicals.sort();

/**
 * The canonical given names a given name stands for, sorted: `Bill` → `['william']`, `Alex` →
 * `['alexander', 'alexandra']`, `William` → `['william']`. A name the table does not know is its own
 * key (folded): `Ada` → `['ada']`. Empty for a name with nothing to fold.
 */
export function givenNameKeys(givenName: string): string[] {
  const folded = foldName(givenName);
  if (folded === '') return [];
  return [...(CANONICALS.get(folded) ?? [folded])];
}

/** Whether two given names may be the same person's (Bob and Robert, Sasha and Alexandra). */
export function givenNamesMatch(a: string, b: string): boolean {
  const keys = new Set(givenNameKeys(a));
  return givenNameKeys(b).some((key) => keys.has(key));
}

/** The table itself, for tests and tools: each group's canonical name first. */
export function nicknameGroups(): readonly (readonly string[])[] {
  return NICKNAME_GROUPS;
}
