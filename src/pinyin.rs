//! Romanized Chinese (Hanyu Pinyin, without tone marks): whether a word reads wholly as its
//! syllables, and whether two such words are two names rather than one name and a slip.
//!
//! Pinyin is a closed set of about 400 syllables, each spelled one way. Chinese names that
//! differ in one syllable's vowel are common and are different names ("Hunan" / "Henan",
//! "Xuanzang" / "Xuanzong", "Taishan" / "Taishun"); a writer who knows a name rarely slips on
//! its vowels, which the syllable's sound fixes, as English spelling does not.

/// The syllables of Hanyu Pinyin, without tones; "ü" also written "v" (as keyboards type it).
/// The interjections written without a vowel ("m", "ng", "hm") are left out: they would let
/// almost any string read as pinyin.
const SYLLABLES: &[&str] = &[
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi",
    "bian", "biao", "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang", "cao", "ce",
    "cei", "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che", "chen", "cheng", "chi",
    "chong", "chou", "chu", "chua", "chuai", "chuan", "chuang", "chui", "chun", "chuo", "ci",
    "cong", "cou", "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan", "dang", "dao", "de",
    "dei", "den", "deng", "di", "dia", "dian", "diao", "die", "ding", "diu", "dong", "dou", "du",
    "duan", "dui", "dun", "duo", "e", "ei", "en", "eng", "er", "fa", "fan", "fang", "fei", "fen",
    "feng", "fo", "fou", "fu", "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng",
    "gong", "gou", "gu", "gua", "guai", "guan", "guang", "gui", "gun", "guo", "ha", "hai", "han",
    "hang", "hao", "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang",
    "hui", "hun", "huo", "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong",
    "jiu", "ju", "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken",
    "keng", "kong", "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo", "la", "lai",
    "lan", "lang", "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie", "lin",
    "ling", "liu", "lo", "long", "lou", "lu", "luan", "lun", "luo", "lv", "lve", "lü", "lüe", "ma",
    "mai", "man", "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min",
    "ming", "miu", "mo", "mou", "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen",
    "neng", "ni", "nian", "niang", "niao", "nie", "nin", "ning", "niu", "nong", "nou", "nu",
    "nuan", "nuo", "nv", "nve", "nü", "nüe", "o", "ou", "pa", "pai", "pan", "pang", "pao", "pei",
    "pen", "peng", "pi", "pian", "piao", "pie", "pin", "ping", "po", "pou", "pu", "qi", "qia",
    "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun",
    "ran", "rang", "rao", "re", "ren", "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui",
    "run", "ruo", "sa", "sai", "san", "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan",
    "shang", "shao", "she", "shei", "shen", "sheng", "shi", "shou", "shu", "shua", "shuai",
    "shuan", "shuang", "shui", "shun", "shuo", "si", "song", "sou", "su", "suan", "sui", "sun",
    "suo", "ta", "tai", "tan", "tang", "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting",
    "tong", "tou", "tu", "tuan", "tui", "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen",
    "weng", "wo", "wu", "xi", "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu",
    "xu", "xuan", "xue", "xun", "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo",
    "yong", "you", "yu", "yuan", "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei",
    "zen", "zeng", "zha", "zhai", "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi",
    "zhong", "zhou", "zhu", "zhua", "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi",
    "zong", "zou", "zu", "zuan", "zui", "zun", "zuo",
];

/// The longest syllable, in bytes ("chuang"; "nüe" is four).
const LONGEST: usize = 6;

fn is_syllable(s: &str) -> bool {
    SYLLABLES.binary_search(&s).is_ok()
}

/// Whether `word` (in small letters) is wholly syllables of pinyin: "xuanzang", "taishan",
/// "zongzi", and "shenzen" too ("shen zen"); not "douyni", "beijng".
pub fn reads_as_pinyin(word: &str) -> bool {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase() || c == 'ü') {
        return false;
    }
    if !spelt_as_pinyin(word) {
        return false;
    }
    // Bit i of `reachable`: the first i bytes are whole syllables. No name's word is longer.
    let n = word.len();
    if n >= 128 {
        return false;
    }
    let mut reachable: u128 = 1;
    for start in 0..n {
        // Asked of every word of every rendering: most English words stop being pinyin soon.
        if reachable >> start == 0 {
            return false;
        }
        if reachable & (1 << start) == 0 || !word.is_char_boundary(start) {
            continue;
        }
        for end in start + 1..=(start + LONGEST).min(n) {
            if word.is_char_boundary(end) && is_syllable(&word[start..end]) {
                reachable |= 1 << end;
            }
        }
    }
    reachable & (1 << n) != 0
}

/// Whether `word` (in small letters) has letters only as pinyin puts them together: every
/// consonant but "n", "r" and the "g" of "ng" before a vowel, or "h" after "z", "c", "s".
/// Most English words fail it ("management", "battery"), in one pass without a syllable looked
/// up.
fn spelt_as_pinyin(word: &str) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'v');
    let bytes = word.as_bytes();
    bytes.iter().enumerate().all(|(i, &c)| {
        let next = bytes.get(i + 1).copied();
        !c.is_ascii() // "ü"
            || vowel(c)
            || c == b'n'
            || c == b'r'
            || (c == b'g' && i > 0 && bytes[i - 1] == b'n')
            || next.is_some_and(|n| vowel(n) || (n == b'h' && matches!(c, b'z' | b'c' | b's')))
            || (next.is_some_and(|n| !n.is_ascii()))
    })
}

/// The word without its vowels: what stays of a syllable when its final's vowels change.
fn consonants(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'ü'))
        .collect()
}

/// Whether `word` of a text and `glossary_word`, both wholly pinyin and different, are two
/// names rather than one and a slip of it: one vowel put for another ("xuanzong" /
/// "xuanzang", "taishun" / "taishan", "henan" / "hunan"), or two edits ("xianyang" /
/// "xuanzang", "hengshan" / "huangshan"). A slip of a consonant ("shenzen", "guangzou"), a
/// letter dropped or added ("qing" for "qiang", as a hand drops it) or two neighbours swapped
/// ("duoyin" for "douyin") stays a slip.
pub fn another_romanized_name(word: &str, glossary_word: &str) -> bool {
    if word == glossary_word || !reads_as_pinyin(word) || !reads_as_pinyin(glossary_word) {
        return false;
    }
    let edits = strsim::osa_distance(word, glossary_word);
    let one_vowel_for_another = edits == 1
        && word.chars().count() == glossary_word.chars().count()
        && strsim::hamming(word, glossary_word) == Ok(1)
        && consonants(word) == consonants(glossary_word);
    edits >= 2 || one_vowel_for_another
}

/// Whether the words of a rendering (in small letters) are a name written in pinyin
/// syllables: two words or more, each wholly pinyin, one at least no English word ("da hong
/// pao", "tie guan yin"; not "long men", English words that happen to read as pinyin).
pub fn written_in_syllables(words: &[&str]) -> bool {
    words.len() >= 2
        && words.iter().all(|w| reads_as_pinyin(w))
        && words.iter().any(|w| !crate::dictionary::is_english_word(w))
}

/// Whether `word` of a text is a slip of `syllable`, a short word of a name written in pinyin
/// syllables ([`written_in_syllables`]): one edit from it, and no pinyin itself ("pau" of
/// "pao", "yim" of "yin"). A word that is pinyin is another syllable, and so another name
/// ("pan" for "pao", see [`another_romanized_name`]). Whether the word is English, and the
/// other syllables are written as the name has them, is the caller's to ask.
pub fn slip_of_a_syllable(word: &str, syllable: &str) -> bool {
    word != syllable
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !reads_as_pinyin(word)
        && reads_as_pinyin(syllable)
        && strsim::osa_distance(word, syllable) == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_sorted_for_the_binary_search() {
        assert!(SYLLABLES.windows(2).all(|w| w[0] < w[1]));
        assert!(SYLLABLES.iter().all(|s| s.len() <= LONGEST));
    }

    #[test]
    fn every_syllable_and_pair_of_syllables_is_spelt_as_pinyin() {
        for a in SYLLABLES {
            assert!(spelt_as_pinyin(a), "{a}");
            for b in SYLLABLES {
                let pair = format!("{a}{b}");
                assert!(spelt_as_pinyin(&pair), "{pair}");
            }
        }
        assert!(!spelt_as_pinyin("management"));
        assert!(!spelt_as_pinyin("battery"));
    }

    #[test]
    fn words_of_whole_syllables_read_as_pinyin() {
        for word in [
            "xuanzang",
            "taishan",
            "zongzi",
            "huangshan",
            "xian",
            "changan",
            "shenzen",
            "lüshun",
        ] {
            assert!(reads_as_pinyin(word), "{word}");
        }
        for word in [
            "douyni", "beijng", "xinhau", "bejing", "paris", "Taishan", "",
        ] {
            assert!(!reads_as_pinyin(word), "{word}");
        }
    }

    #[test]
    fn a_name_in_syllables_and_its_slips() {
        assert!(written_in_syllables(&["da", "hong", "pao"]));
        assert!(written_in_syllables(&["tie", "guan", "yin"]));
        for words in [
            &["long", "men"][..],
            &["pu", "er", "tea"],
            &["pao"],
            &["da", "hong", "kong"],
        ] {
            assert!(!written_in_syllables(words), "{words:?}");
        }
        for (word, syllable) in [
            ("pau", "pao"),
            ("yim", "yin"),
            ("hogn", "hong"),
            ("yn", "yin"),
        ] {
            assert!(slip_of_a_syllable(word, syllable), "{word}");
        }
        for (word, syllable) in [
            ("pan", "pao"),
            ("yan", "yin"),
            ("pao", "pao"),
            ("paxx", "pao"),
            ("pa1", "pao"),
            ("Pau", "pao"),
        ] {
            assert!(!slip_of_a_syllable(word, syllable), "{word}");
        }
    }

    #[test]
    fn another_syllable_makes_another_name_and_a_consonant_slip_does_not() {
        for (word, glossary_word) in [
            ("xuanzong", "xuanzang"),
            ("xianyang", "xuanzang"),
            ("hengshan", "huangshan"),
            ("taishun", "taishan"),
            ("zengzi", "zongzi"),
            ("henan", "hunan"),
        ] {
            assert!(another_romanized_name(word, glossary_word), "{word}");
        }
        for (word, glossary_word) in [
            ("shenzen", "shenzhen"),
            ("guangzou", "guangzhou"),
            ("xingjiang", "xinjiang"),
            ("duoyin", "douyin"),
            ("xunzang", "xuanzang"),
            ("taishaan", "taishan"),
            // (Shaanxi's doubled vowel is no pinyin but a convention: this pair is not told.)
            ("shanxi", "shaanxi"),
            ("douyni", "douyin"),
            ("taishan", "taishan"),
            ("seperate", "separate"),
        ] {
            assert!(!another_romanized_name(word, glossary_word), "{word}");
        }
    }
}
