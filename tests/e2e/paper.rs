//! Paper as reports meet it: the sheet's width they must fit within, and the PDF the
//! browser's print dialog makes of them.

use super::*;

#[derive(Clone, Copy, Debug)]
pub enum Paper {
    Letter,
    A4,
}

impl Paper {
    /// Width inside the 12 mm margins of the print style sheet, in CSS pixels (96 per inch).
    fn content_width(self) -> i64 {
        let mm = match self {
            Paper::Letter => 215.9 - 24.0,
            Paper::A4 => 210.0 - 24.0,
        };
        (mm / 25.4 * 96.0) as i64
    }

    /// The sheet in PDF points (72 per inch), as Chromium rounds them.
    fn points(self) -> (i64, i64) {
        match self {
            Paper::Letter => (612, 792),
            Paper::A4 => (595, 842),
        }
    }
}

/// Lays the page out for print at the sheet's width and checks that nothing in the report
/// reaches past it: on paper there is no scrolling sideways.
pub async fn assert_fits_the_paper(driver: &WebDriver, paper: Paper, name: &str) {
    let width = paper.content_width();
    let cdp = driver.cdp();
    cdp.send_raw(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "print" }),
    )
    .await
    .expect("print media");
    cdp.send_raw(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await
    .expect("sheet width");
    let outside = script(
        driver,
        &format!(
            "return [...document.querySelectorAll('.printable, .printable *')]
                .filter((e) => e.getBoundingClientRect().right > {width} + 1)
                .slice(0, 3)
                .map((e) => `${{e.tagName}}.${{e.className}}: ${{Math.round(e.getBoundingClientRect().right)}}px`)
                .join(' | ');"
        ),
    )
    .await;
    assert_eq!(
        outside.as_str(),
        Some(""),
        "wider than {paper:?} ({width} px)"
    );
    let hidden = script(
        driver,
        "return ['.bottom-nav', '.app-header', '.report-controls']
            .filter((css) => { const e = document.querySelector(css); return e && e.offsetParent; })
            .join(' ');",
    )
    .await;
    assert_eq!(
        hidden.as_str(),
        Some(""),
        "the app's chrome stays off the paper"
    );
    full_page_screenshot(driver, &format!("print-{name}")).await;
    cdp.send_raw(
        "Emulation.clearDeviceMetricsOverride",
        serde_json::json!({}),
    )
    .await
    .expect("back to the screen");
    cdp.send_raw(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "" }),
    )
    .await
    .expect("screen media");
}

/// Prints to PDF as the browser's print dialog would with the page's own paper size, and
/// counts the sheets after checking their size.
pub async fn printed_pages(driver: &WebDriver, paper: Paper) -> usize {
    use base64::Engine;
    let printed = driver
        .cdp()
        .send_raw(
            "Page.printToPDF",
            serde_json::json!({ "preferCSSPageSize": true }),
        )
        .await
        .expect("print to PDF");
    let data = printed["data"].as_str().expect("PDF data");
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(data)
        .expect("base64 PDF");
    let text = String::from_utf8_lossy(&pdf);
    let sheets: Vec<(i64, i64)> = text
        .split("/MediaBox [0 0 ")
        .skip(1)
        .map(|rest| {
            let mut numbers = rest
                .split([' ', ']'])
                .map(|n| n.parse::<f64>().map(|n| n.round() as i64).unwrap_or(-1));
            (numbers.next().unwrap_or(-1), numbers.next().unwrap_or(-1))
        })
        .collect();
    assert!(!sheets.is_empty(), "no page in the PDF");
    assert!(
        sheets.iter().all(|sheet| *sheet == paper.points()),
        "not every sheet is {paper:?}: {sheets:?}"
    );
    sheets.len()
}
