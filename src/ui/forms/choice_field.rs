use leptos::prelude::*;

/// A select over a fixed list of values, each with its words; `chosen` holds the value itself,
/// so no form turns positions back into values.
#[component]
pub fn ChoiceField<T>(
    label: &'static str,
    name: &'static str,
    choices: Vec<(T, &'static str)>,
    chosen: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let values: Vec<T> = choices.iter().map(|(value, _)| *value).collect();
    let choose = move |ev| {
        let picked = event_target_value(&ev).parse::<usize>().ok();
        if let Some(value) = picked.and_then(|i| values.get(i)) {
            chosen.set(*value);
        }
    };
    view! {
        <label class="field">
            <span>{label}</span>
            <select name=name on:change=choose>
                {choices.into_iter().enumerate().map(|(i, (value, text))| view! {
                    <option value=i.to_string() selected=move || chosen.get() == value>{text}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
