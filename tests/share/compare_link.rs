//! Compare links (`compare/<A>/<B>`): two designs round trip, in a bare
//! fragment, with `#` and in a whole URL; a link with a bad or missing half
//! is refused with a message naming that half.

use archplay::engine::compare::link::{decode_compare_link, encode_compare_link, CompareLinkError};
use archplay::engine::share::encode_link;
use archplay::engine::templates::template;

fn pair() -> (
    archplay::engine::model::Design,
    archplay::engine::model::Design,
) {
    (
        template("monolith").expect("template"),
        template("microservices").expect("template"),
    )
}

#[test]
fn two_designs_round_trip_in_every_form_of_the_address() {
    let (a, b) = pair();
    let link = encode_compare_link(&a, &b);
    assert!(link.starts_with("compare/v2."), "{link}");
    for text in [
        link.clone(),
        format!("#{link}"),
        format!("https://archplay.example/#{link}"),
        format!("  #{link}\n"),
    ] {
        let (read_a, read_b) = decode_compare_link(&text).expect("reads");
        assert_eq!(read_a, a);
        assert_eq!(read_b, b);
    }
}

#[test]
fn a_bad_half_is_named() {
    let (a, b) = pair();
    let (link_a, link_b) = (encode_link(&a), encode_link(&b));
    let cut_b = &link_b[..link_b.len() / 2];
    let cases: Vec<(String, &str)> = vec![
        (
            format!("compare/{link_a}/{cut_b}"),
            "design B of the compare link cannot be opened: the link",
        ),
        (
            format!("compare/v9.abc/{link_b}"),
            "design A of the compare link cannot be opened: the link is version 9",
        ),
        (format!("compare/{link_a}/"), "has no design B"),
        (format!("compare/{link_a}"), "has no design B"),
        ("compare/".to_string(), "has no design A"),
        (format!("compare/{link_a}/{link_b}/{link_a}"), "has 3 parts"),
        (link_a.clone(), "not a compare link"),
        ("#comparev2.x/y".to_string(), "not a compare link"),
    ];
    for (text, expected) in cases {
        let message = decode_compare_link(&text).expect_err(&text).to_string();
        assert!(message.contains(expected), "{text}: {message}");
    }
    assert!(matches!(
        decode_compare_link(&format!("compare/{link_a}/{cut_b}")),
        Err(CompareLinkError::BadHalf { design: "B", .. })
    ));
}
