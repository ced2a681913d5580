//! Folding text for matching: lower case, accents removed, dashes and apostrophes unified, so that
//! "Gonçalo" matches "goncalo" and "O’Brien" matches "o'brien".
//!
//! This does for Latin scripts what Unicode NFKD plus stripping combining marks would, from a table
//! of a few hundred letters instead of the full normalization tables (which cost tens of kilobytes
//! of wasm). Other scripts are lower-cased and otherwise kept.

use std::sync::OnceLock;

/// Letters carrying one accent, grouped by the combining mark of their canonical decomposition.
/// Each group is a string of pairs: the accented letter, then its base letter.
const SINGLE_ACCENT: &[(char, &str)] = &[
    ('\u{300}', "ÀAÈEÌIÒOÙUàaèeìiòoùuǸNǹnẀWẁwỲYỳy"),
    (
        '\u{301}',
        "ÁAÉEÍIÓOÚUÝYáaéeíióoúuýyĆCćcĹLĺlŃNńnŔRŕrŚSśsŹZźzǴGǵgḰKḱkḾMḿmṔPṕpẂWẃw",
    ),
    (
        '\u{302}',
        "ÂAÊEÎIÔOÛUâaêeîiôoûuĈCĉcĜGĝgĤHĥhĴJĵjŜSŝsŴWŵwŶYŷyẐZẑz",
    ),
    ('\u{303}', "ÃAÑNÕOãañnõoĨIĩiŨUũuṼVṽvẼEẽeỸYỹy"),
    ('\u{304}', "ĀAāaĒEēeĪIīiŌOōoŪUūuȲYȳyḠGḡg"),
    ('\u{306}', "ĂAăaĔEĕeĞGğgĬIĭiŎOŏoŬUŭu"),
    (
        '\u{307}',
        "ĊCċcĖEėeĠGġgİIŻZżzȦAȧaȮOȯoḂBḃbḊDḋdḞFḟfḢHḣhṀMṁmṄNṅnṖPṗpṘRṙrṠSṡsṪTṫtẆWẇwẊXẋxẎYẏy",
    ),
    ('\u{308}', "ÄAËEÏIÖOÜUäaëeïiöoüuÿyŸYḦHḧhẄWẅwẌXẍxẗt"),
    ('\u{309}', "ẢAảaẺEẻeỈIỉiỎOỏoỦUủuỶYỷy"),
    ('\u{30A}', "ÅAåaŮUůuẘwẙy"),
    ('\u{30B}', "ŐOőoŰUűu"),
    (
        '\u{30C}',
        "ČCčcĎDďdĚEěeĽLľlŇNňnŘRřrŠSšsŤTťtŽZžzǍAǎaǏIǐiǑOǒoǓUǔuǦGǧgǨKǩkǰjȞHȟh",
    ),
    ('\u{30F}', "ȀAȁaȄEȅeȈIȉiȌOȍoȐRȑrȔUȕu"),
    ('\u{311}', "ȂAȃaȆEȇeȊIȋiȎOȏoȒRȓrȖUȗu"),
    ('\u{31B}', "ƠOơoƯUưu"),
    (
        '\u{323}',
        "ḄBḅbḌDḍdḤHḥhḲKḳkḶLḷlṂMṃmṆNṇnṚRṛrṢSṣsṬTṭtṾVṿvẈWẉwẒZẓzẠAạaẸEẹeỊIịiỌOọoỤUụuỴYỵy",
    ),
    ('\u{324}', "ṲUṳu"),
    ('\u{325}', "ḀAḁa"),
    ('\u{326}', "ȘSșsȚTțt"),
    ('\u{327}', "ÇCçcĢGģgĶKķkĻLļlŅNņnŖRŗrŞSşsŢTţtȨEȩeḐDḑdḨHḩh"),
    ('\u{328}', "ĄAąaĘEęeĮIįiŲUųuǪOǫo"),
    ('\u{32D}', "ḒDḓdḘEḙeḼLḽlṊNṋnṰTṱtṶUṷu"),
    ('\u{32E}', "ḪHḫh"),
    ('\u{330}', "ḚEḛeḬIḭiṴUṵu"),
    ('\u{331}', "ḆBḇbḎDḏdḴKḵkḺLḻlṈNṉnṞRṟrṮTṯtẔZẕzẖh"),
];

/// Letters carrying two accents (mostly Vietnamese): pairs of the letter and its base letter.
const DOUBLE_ACCENT: &str = "ǕUǖuǗUǘuǙUǚuǛUǜuǞAǟaǠAǡaǬOǭoǺAǻaȪOȫoȬOȭoȰOȱoḈCḉcḔEḕeḖEḗeḜEḝeḮIḯiḸLḹlṌOṍoṎOṏoṐOṑoṒOṓoṜRṝrṤSṥsṦSṧsṨSṩsṸUṹuṺUṻuẤAấaẦAầaẨAẩaẪAẫaẬAậaẮAắaẰAằaẲAẳaẴAẵaẶAặaẾEếeỀEềeỂEểeỄEễeỆEệeỐOốoỒOồoỔOổoỖOỗoỘOộoỚOớoỜOờoỞOởoỠOỡoỢOợoỨUứuỪUừuỬUửuỮUữuỰUựu";

/// Letters with no decomposition that still fold to ASCII letters, and typographic variants of
/// dashes, apostrophes and spaces.
const SPECIAL: &[(char, &str)] = &[
    ('ß', "ss"),
    ('ẞ', "ss"),
    ('æ', "ae"),
    ('Æ', "ae"),
    ('ǣ', "ae"),
    ('Ǣ', "ae"),
    ('ǽ', "ae"),
    ('Ǽ', "ae"),
    ('œ', "oe"),
    ('Œ', "oe"),
    ('ø', "o"),
    ('Ø', "o"),
    ('ǿ', "o"),
    ('Ǿ', "o"),
    ('đ', "d"),
    ('Đ', "d"),
    ('ð', "d"),
    ('Ð', "d"),
    ('ł', "l"),
    ('Ł', "l"),
    ('ŀ', "l"),
    ('Ŀ', "l"),
    ('ı', "i"),
    ('ȷ', "j"),
    ('þ', "th"),
    ('Þ', "th"),
    ('ħ', "h"),
    ('Ħ', "h"),
    ('ŧ', "t"),
    ('Ŧ', "t"),
    ('ŋ', "n"),
    ('Ŋ', "n"),
    ('ĸ', "k"),
    ('ƒ', "f"),
    ('\u{a0}', " "),
    ('\u{2009}', " "),
    ('\u{202f}', " "),
    ('\u{2010}', "-"),
    ('\u{2011}', "-"),
    ('\u{2012}', "-"),
    ('\u{2013}', "-"),
    ('\u{2014}', "-"),
    ('\u{2212}', "-"),
    ('\u{2018}', "'"),
    ('\u{2019}', "'"),
    ('\u{02bc}', "'"),
    ('\u{00b4}', "'"),
    ('`', "'"),
];

/// Lookup tables built once from the constants above.
struct Tables {
    /// Accented letter to lower-case base letter, sorted by the accented letter.
    fold: Vec<(char, char)>,
    /// (base letter, combining mark) to the accented letter, sorted by the pair.
    compose: Vec<((char, char), char)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut fold = Vec::new();
        let mut compose = Vec::new();
        for &(mark, pairs) in SINGLE_ACCENT {
            for (accented, base) in pairs_of(pairs) {
                fold.push((accented, base.to_ascii_lowercase()));
                compose.push(((base, mark), accented));
            }
        }
        for (accented, base) in pairs_of(DOUBLE_ACCENT) {
            fold.push((accented, base.to_ascii_lowercase()));
        }
        fold.sort_unstable();
        compose.sort_unstable();
        Tables { fold, compose }
    })
}

fn pairs_of(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut chars = text.chars();
    std::iter::from_fn(move || Some((chars.next()?, chars.next()?)))
}

/// Whether `c` is a combining mark (an accent written after its letter).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// The accented letter for `base` followed by the combining `mark`, when one exists
/// (`('e', '\u{301}')` gives `'é'`).
pub fn compose(base: char, mark: char) -> Option<char> {
    let compose = &tables().compose;
    compose
        .binary_search_by(|(pair, _)| pair.cmp(&(base, mark)))
        .ok()
        .map(|index| compose[index].1)
}

/// The base letter and combining mark of a letter with one accent (`'é'` gives
/// `('e', '\u{301}')`), when it has such a decomposition.
pub fn decompose(c: char) -> Option<(char, char)> {
    let compose = &tables().compose;
    compose
        .iter()
        .find(|(_, accented)| *accented == c)
        .map(|&(pair, _)| pair)
}

/// Appends the folded form of `c` to `out`.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(match c {
            '`' => '\'',
            _ => c.to_ascii_lowercase(),
        });
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    let fold = &tables().fold;
    if let Ok(index) = fold.binary_search_by(|(accented, _)| accented.cmp(&c)) {
        out.push(fold[index].1);
    } else if let Some((_, replacement)) = SPECIAL.iter().find(|(special, _)| *special == c) {
        out.push_str(replacement);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends the folded form of `text` to `out`, reusing its allocation.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        fold_char_into(c, out);
    }
}

/// The folded form of `text`: lower case, accents removed, dashes and apostrophes unified.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Gonçalo Paulo"), "goncalo paulo");
        assert_eq!(fold("Đặng Nguyễn Hà"), "dang nguyen ha");
        assert_eq!(fold("Šťastný Øre Æsir"), "stastny ore aesir");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn strips_combining_marks_of_decomposed_text() {
        assert_eq!(fold("Gonc\u{327}alo"), "goncalo");
        assert_eq!(fold("e\u{301}"), fold("é"));
    }

    #[test]
    fn unifies_dashes_apostrophes_and_spaces() {
        assert_eq!(fold("O’Brien"), "o'brien");
        assert_eq!(fold("Goldman‐Wetzler"), "goldman-wetzler");
        assert_eq!(fold("Van\u{a0}Roy"), "van roy");
    }

    #[test]
    fn keeps_other_scripts_lower_cased() {
        assert_eq!(fold("Ελένη"), "ελένη");
        assert_eq!(fold("王小明"), "王小明");
    }

    #[test]
    fn composes_accented_letters() {
        assert_eq!(compose('e', '\u{301}'), Some('é'));
        assert_eq!(compose('o', '\u{308}'), Some('ö'));
        assert_eq!(compose('c', '\u{327}'), Some('ç'));
        assert_eq!(compose('q', '\u{301}'), None);
        assert_eq!(decompose('é'), Some(('e', '\u{301}')));
        assert_eq!(decompose('Ř'), Some(('R', '\u{30c}')));
        assert_eq!(decompose('e'), None);
    }

    #[test]
    fn every_table_letter_folds_to_an_ascii_letter() {
        for (accented, base) in &tables().fold {
            assert!(base.is_ascii_lowercase(), "{accented} folds to {base}");
        }
        assert!(
            tables().fold.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "no duplicates"
        );
    }
}
