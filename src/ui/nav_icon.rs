use leptos::prelude::*;

/// The pictures on the bottom tabs: recognisable at a glance in sunlight, drawn inline so
/// nothing is fetched.
#[derive(Clone, Copy)]
pub enum Tab {
    Today,
    Portfolio,
    Reports,
    Sync,
    Settings,
}

#[component]
pub fn NavIcon(tab: Tab) -> impl IntoView {
    let path = match tab {
        Tab::Today => "M4 5h16v15H4zM4 9h16M8 3v4M16 3v4M9 14l2 2 4-4",
        Tab::Portfolio => "M4 6h16M4 12h16M4 18h10",
        Tab::Reports => "M5 20V11M12 20V4M19 20v-7M3 20h18",
        Tab::Sync => "M4 9h14l-4-4M20 15H6l4 4",
        Tab::Settings => "M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4",
    };
    view! {
        <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d=path/>
        </svg>
    }
}
