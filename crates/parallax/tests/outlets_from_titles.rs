//! A text page's first line often holds its title with the site's name after a bar or a dash
//! ("Ferry fares rise in May | Port Ellis Courier"): with no clue in the text, that name is the
//! page's outlet.

use parallax::ingest::RawPage;
use parallax::pipeline::prepare;

fn outlet_of(text: &str) -> Option<String> {
    prepare(&RawPage::text("t", text)).expect("prepared").outlet
}

#[test]
fn the_name_after_a_text_pages_title_is_its_outlet() {
    let body = "Ferry fares on the Kessel line will rise by a tenth in May, the operator said \
                on Tuesday, the first rise in three years.\n\n\
                The operator blamed the price of fuel for the change.";
    assert_eq!(
        outlet_of(&format!(
            "Ferry fares rise in May | Port Ellis Courier\n\n{body}"
        ))
        .as_deref(),
        Some("Port Ellis Courier")
    );
    assert_eq!(
        outlet_of(&format!(
            "Ferry fares rise in May - Harbour Times\n\n{body}"
        ))
        .as_deref(),
        Some("Harbour Times")
    );
    // A dateline in the text names the outlet first.
    let dated = format!(
        "Ferry fares rise in May | Port Ellis Courier\n\n\
         KESSEL (Norvik Wire) - {body}"
    );
    assert_eq!(outlet_of(&dated).as_deref(), Some("Norvik Wire"));
    // A title with no name after it names none.
    assert_eq!(
        outlet_of(&format!("Ferry fares rise in May\n\n{body}")),
        None
    );
}
