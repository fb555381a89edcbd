//! Mojibake repair tables: correct text in many languages, turned into mojibake the way it
//! happens (UTF-8 bytes decoded as windows-1252), must repair back exactly; and the correct text
//! itself must pass through unchanged.

use parallax::decode::repair;

/// Correct strings in many languages and scripts, with typographic punctuation and symbols.
const CORRECT: &[&str] = &[
    "Xi’s “legitimacy” claim — denied…",
    "It cost €147 billion™, up 30%.",
    "São Paulo, coração do Brasil",
    "Não há razão para pânico, disse o ministro.",
    "À côté de l’église, un café très animé.",
    "Ça coûte cher, dit-elle à Noël.",
    "Grüße aus Köln und Düsseldorf",
    "Die Straße ist schön, sagte Jürgen Müller.",
    "İstanbul’da güneşli bir gün, dedi Ayşe.",
    "Türkiye’nin başkenti Ankara’dır.",
    "Hà Nội là thủ đô của Việt Nam.",
    "Người dân đang chờ đợi.",
    "El niño dijo: «¿Qué pasó?»",
    "Mañana iré a la montaña con Begoña.",
    "Zażółć gęślą jaźń.",
    "Łódź i Kraków są w Polsce.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Dvořák složil Novosvětskou symfonii.",
    "Привет, как дела? — сказал Путин.",
    "Москва и Санкт-Петербург",
    "Καλημέρα, τι κάνεις;",
    "Αθήνα είναι η πρωτεύουσα.",
    "习近平与普京通电话。",
    "北京是中国的首都。",
    "東京は日本の首都です。",
    "こんにちは、世界！",
    "서울은 한국의 수도입니다.",
    "مرحبا بالعالم",
    "שלום עולם",
    "Þórður og Guðrún búa á Íslandi.",
    "Ærø og Ålborg ligger i Danmark.",
    "Smörgåsbord på svenska.",
    "Jyväskylä on Suomessa.",
    "Ðorđe je iz Beograda.",
    "Vilnius yra Lietuvos sostinė.",
    "Rīga ir Latvijas galvaspilsēta.",
    "Brașov și Timișoara sunt în România.",
    "Kolkata’s “Durga Puja” draws millions 🎉",
    "Price: £20 • ½ off • ±5 °C • 2×3",
    "He said: ‘No.’ Then “Yes…” — and left.",
    "Ölçüm sonuçları açıklandı.",
    "Crème brûlée, naïve café, façade, résumé.",
];

/// The mojibake a correct string becomes when its UTF-8 bytes are read as windows-1252.
fn as_mojibake(text: &str) -> String {
    let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
    decoded.into_owned()
}

#[test]
fn at_least_forty_strings_in_each_table() {
    assert!(CORRECT.len() >= 40);
    let broken = CORRECT.iter().filter(|s| as_mojibake(s) != **s).count();
    assert!(broken >= 40, "only {broken} strings turn into mojibake");
}

#[test]
fn mojibake_is_repaired() {
    let mut failures = Vec::new();
    for &correct in CORRECT {
        let broken = as_mojibake(correct);
        if broken == correct {
            continue;
        }
        let repaired = repair(&broken);
        if repaired.text != correct {
            failures.push(format!(
                "{broken:?} -> {:?}, want {correct:?}",
                repaired.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} not repaired:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The mojibake a correct string becomes when its UTF-8 bytes are read as `encoding`.
fn misread_as(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    let (decoded, _, _) = encoding.decode(text.as_bytes());
    decoded.into_owned()
}

/// Mojibake from the other single-byte charsets UTF-8 is mistaken for, and UTF-8 misread as
/// windows-1252 twice over: each string of the table, in each charset whose bytes its mojibake
/// can be read back from. Some words are ambiguous between the two Central European charsets
/// (`pĂĄ` is "på" through ISO-8859-2 and "pá" through windows-1250), so at least 95% must
/// repair exactly.
#[test]
fn mojibake_from_other_charsets_and_twice_misread_is_repaired() {
    let charsets = [
        encoding_rs::WINDOWS_1251,
        encoding_rs::WINDOWS_1250,
        encoding_rs::ISO_8859_2,
        encoding_rs::MACINTOSH,
    ];
    let mut tried = 0;
    let mut failures = Vec::new();
    for &correct in CORRECT {
        let mut broken: Vec<String> = charsets.iter().map(|&e| misread_as(correct, e)).collect();
        broken.push(as_mojibake(&as_mojibake(correct)));
        for b in broken {
            if b == correct {
                continue;
            }
            tried += 1;
            let repaired = repair(&b);
            if repaired.text != correct {
                failures.push(format!("{b:?} -> {:?}, want {correct:?}", repaired.text));
            }
        }
    }
    assert!(tried >= 150, "only {tried} broken strings");
    assert!(
        failures.len() * 20 <= tried,
        "{} of {tried} not repaired:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn correct_text_is_left_alone() {
    for &correct in CORRECT {
        let r = repair(correct);
        assert_eq!(r.text, correct);
        assert!(
            r.repairs.is_empty(),
            "false repair in {correct:?}: {:?}",
            r.repairs
        );
    }
}
