//! The bracket-parameter codec against Rack's rules, and its round-trip properties.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use proptest::prelude::*;
use rubric_core::params::{decode, encode, index_keyed, indexed_entries, EncodeError, MAX_DEPTH};
use serde_json::{json, Map, Value};

fn obj(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

fn dec(body: &str) -> Value {
    Value::Object(decode(body.as_bytes()).unwrap())
}

#[test]
fn arrays_of_hashes_start_a_new_element_when_a_key_repeats() {
    let body = "ratings[][description]=Top&ratings[][points]=4&ratings[][mastery]=false&ratings[][color]=008EE2\
                &ratings[][description]=Low&ratings[][points]=0&ratings[][mastery]=true&ratings[][color]=EE0612";
    assert_eq!(
        dec(body),
        json!({"ratings": [
            {"description":"Top","points":"4","mastery":"false","color":"008EE2"},
            {"description":"Low","points":"0","mastery":"true","color":"EE0612"}
        ]})
    );
}

#[test]
fn fields_out_of_order_merge_as_rack_merges_them() {
    assert_eq!(
        dec("r[][a]=1&r[][b]=2&r[][b]=3&r[][a]=4"),
        json!({"r": [{"a":"1","b":"2"},{"b":"3","a":"4"}]})
    );
}

#[test]
fn index_keyed_hashes_decode_and_order_numerically() {
    let tree = dec("rubric[criteria][10][description]=K&rubric[criteria][2][description]=B&rubric[criteria][fred][description]=F");
    let criteria = tree["rubric"]["criteria"].as_object().unwrap();
    let order: Vec<&str> = indexed_entries(criteria)
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(order, ["fred", "2", "10"]);
}

#[test]
fn percent_and_plus_decode_to_utf8() {
    assert_eq!(
        dec("rubric%5Btitle%5D=Caf%C3%A9+%26+bar%3D1"),
        json!({"rubric": {"title": "Café & bar=1"}})
    );
}

#[test]
fn a_name_without_equals_is_null_and_an_empty_array_with_brackets() {
    assert_eq!(dec("a&b[]&c="), json!({"a": null, "b": [], "c": ""}));
}

#[test]
fn empty_pairs_and_leading_spaces_are_skipped() {
    assert_eq!(dec("&&a=1& b=2&"), json!({"a":"1","b":"2"}));
}

#[test]
fn later_scalars_overwrite_earlier_ones() {
    assert_eq!(dec("a=1&a=2"), json!({"a":"2"}));
}

#[test]
fn type_conflicts_are_errors_that_name_the_parameter() {
    let error = decode(b"ratings=x&ratings[]=y").unwrap_err();
    assert_eq!(error.pair, 2);
    assert_eq!(
        error.to_string(),
        "parameter 2 (`ratings[]`): expected Array (got String) for param `ratings'"
    );
    let error = decode(b"a[]=1&a[b]=2").unwrap_err();
    assert!(error
        .to_string()
        .contains("expected Hash (got Array) for param `a'"));
}

#[test]
fn bad_percent_encoding_and_bad_utf8_are_errors() {
    let error = decode(b"a=ok&b=%zz").unwrap_err();
    assert_eq!(error.pair, 2);
    assert!(error
        .to_string()
        .contains("invalid %-encoding in the value at byte 0"));
    let error = decode(b"a=%FF%FE").unwrap_err();
    assert!(error.to_string().contains("not valid UTF-8"));
    let error = decode(b"a%=1").unwrap_err();
    assert!(error.to_string().contains("in the name"));
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow() {
    let deep = format!("a{}=1", "[x]".repeat(10_000));
    let error = decode(deep.as_bytes()).unwrap_err();
    assert!(error
        .to_string()
        .contains(&format!("nested more than {MAX_DEPTH} levels deep")));
    let ok = format!("a{}=1", "[x]".repeat(MAX_DEPTH - 1));
    assert!(decode(ok.as_bytes()).is_ok());
}

#[test]
fn encoding_follows_form_urlencoded_and_rails_brackets() {
    let tree = obj(json!({"ratings": [
        {"description": "Exceeds & more", "points": 4.0, "mastery": false, "color": "008EE2"}
    ]}));
    assert_eq!(
        encode(&tree).unwrap(),
        "ratings%5B%5D%5Bdescription%5D=Exceeds+%26+more&ratings%5B%5D%5Bpoints%5D=4.0\
         &ratings%5B%5D%5Bmastery%5D=false&ratings%5B%5D%5Bcolor%5D=008EE2"
    );
}

#[test]
fn index_keyed_builder_and_canvas_rubric_shape_encode() {
    let tree = obj(json!({"rubric": {"title": "Lab", "criteria": index_keyed([
        json!({"description": "A", "ratings": index_keyed([json!({"points": "5"})])})
    ])}}));
    assert_eq!(
        encode(&tree).unwrap(),
        "rubric%5Btitle%5D=Lab&rubric%5Bcriteria%5D%5B0%5D%5Bdescription%5D=A\
         &rubric%5Bcriteria%5D%5B0%5D%5Bratings%5D%5B0%5D%5Bpoints%5D=5"
    );
}

#[test]
fn unrepresentable_values_are_refused() {
    assert!(matches!(
        encode(&obj(json!({"a": {}}))),
        Err(EncodeError::EmptyHash(_))
    ));
    assert!(matches!(
        encode(&obj(json!({"a": [[1]]}))),
        Err(EncodeError::NestedArray(_))
    ));
    assert!(matches!(
        encode(&obj(json!({"a": [null]}))),
        Err(EncodeError::NullInArray(_))
    ));
    assert!(matches!(
        encode(&obj(json!({"a[b]": 1}))),
        Err(EncodeError::BadKey(_))
    ));
    assert!(matches!(
        encode(&obj(json!({"r": [{"a": "1"}, {"b": "2"}]}))),
        Err(EncodeError::AmbiguousArray(_))
    ));
}

/// Documents made of strings and nulls, with arrays of strings and arrays of hashes whose
/// elements share their first key (as every Canvas array of hashes does).
fn arb_value(depth: u32) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        4 => "\\PC{0,8}".prop_map(Value::String),
        1 => Just(Value::Null),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let key = "[a-zA-Z0-9_ .%&=+é-]{1,6}";
    prop_oneof![
        3 => leaf,
        2 => proptest::collection::vec("\\PC{0,6}".prop_map(Value::String), 0..4).prop_map(Value::Array),
        2 => proptest::collection::vec((key, arb_value(depth - 1)), 1..4)
            .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        2 => (key, proptest::collection::vec(proptest::collection::vec((key, arb_value(depth - 1)), 0..3), 1..4))
            .prop_map(|(first, rows)| Value::Array(rows.into_iter().enumerate().map(|(i, rest)| {
                let mut map = Map::new();
                map.insert(first.clone(), Value::String(i.to_string()));
                for (k, v) in rest {
                    map.entry(k).or_insert(v);
                }
                Value::Object(map)
            }).collect())),
    ]
    .boxed()
}

proptest! {
    #[test]
    fn decode_of_encode_is_identity(entries in proptest::collection::vec(("[a-z_]{1,6}", arb_value(3)), 0..5)) {
        let tree: Map<String, Value> = entries.into_iter().collect();
        let body = encode(&tree).unwrap();
        prop_assert_eq!(decode(body.as_bytes()).unwrap(), tree);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(body in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Err(error) = decode(&body) {
            prop_assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn decoding_bracket_soup_never_panics(body in "[a\\[\\]=&%0-9]{0,60}") {
        if let Err(error) = decode(body.as_bytes()) {
            prop_assert!(error.pair >= 1);
        }
    }

    #[test]
    fn encode_either_refuses_or_round_trips(items in proptest::collection::vec(arb_value(2), 1..4)) {
        let mut tree = Map::new();
        tree.insert("x".into(), Value::Array(items));
        if let Ok(body) = encode(&tree) {
            prop_assert_eq!(decode(body.as_bytes()).unwrap(), tree);
        }
    }
}
