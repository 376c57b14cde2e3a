use std::time::Duration;

use leptos::prelude::*;
use rubric_core::Rubric;

use crate::api::{
    import_status, imported_rubrics, upload_csv, upload_template, ApiConfig, ApiError, ContextPath,
    RubricImport,
};
use crate::ui::{download_text, IdPrefix, Status, Tasks};

/// How often the import status is asked for, and for how long at most.
const POLL_EVERY: Duration = Duration::from_millis(400);
const POLL_LIMIT: u32 = 150;

/// Uploads the file and waits for Canvas to finish importing it.
async fn run_import(
    config: &ApiConfig,
    context: &ContextPath,
    file: &web_sys::File,
) -> Result<(RubricImport, Vec<Rubric>), ApiError> {
    let mut import = upload_csv(config, context, file).await?;
    let mut polls = 0;
    while !import.finished() {
        polls += 1;
        if polls > POLL_LIMIT {
            return Err(ApiError::Network(
                "the import did not finish within a minute; check the rubric list later".into(),
            ));
        }
        gloo_timers::future::sleep(POLL_EVERY).await;
        import = import_status(config, context, import.id).await?;
    }
    let rubrics = if import.workflow_state == "failed" {
        Vec::new()
    } else {
        imported_rubrics(config, context, import.id).await?
    };
    Ok((import, rubrics))
}

/// Import rubrics from a CSV file in Canvas's template format: upload, follow the import's
/// progress, list each row error Canvas reports and the rubrics it created (as drafts), and
/// offer the blank template.
#[component]
pub fn CsvImport(
    config: ApiConfig,
    context: ContextPath,
    status: Status,
    /// Open an imported rubric.
    on_open: Callback<Option<u64>>,
    /// Called when an import created rubrics.
    on_imported: Callback<()>,
) -> impl IntoView {
    let tasks = Tasks::current();
    let ids = IdPrefix::new();
    let file = NodeRef::<leptos::html::Input>::new();
    let running = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<(RubricImport, Vec<Rubric>), String>>);
    let import = {
        let (config, context) = (config.clone(), context.clone());
        move |_| {
            let chosen = file
                .get_untracked()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            let Some(chosen) = chosen else {
                outcome.set(Some(Err("Choose a CSV file first.".into())));
                return;
            };
            let (config, context) = (config.clone(), context.clone());
            running.set(true);
            outcome.set(None);
            status.say("Importing…");
            tasks.spawn(async move {
                let result = run_import(&config, &context, &chosen).await;
                running.set(false);
                match &result {
                    Ok((import, rubrics)) => {
                        status.say(format!(
                            "Import finished: {} rubrics imported, {} errors",
                            rubrics.len(),
                            import.error_data.len()
                        ));
                        if !rubrics.is_empty() {
                            on_imported.run(());
                        }
                    }
                    Err(_) => status.say("The import failed"),
                }
                outcome.set(Some(result.map_err(|e| e.to_string())));
            });
        }
    };
    let template = {
        let config = config.clone();
        move |_| {
            let config = config.clone();
            tasks.spawn(async move {
                match upload_template(&config).await {
                    Ok(text) => {
                        match download_text("import_rubric_template.csv", "text/csv", &text) {
                            Ok(()) => status.say("Template downloaded"),
                            Err(message) => outcome.set(Some(Err(message))),
                        }
                    }
                    Err(e) => outcome.set(Some(Err(format!(
                        "The template could not be downloaded. {e}"
                    )))),
                }
            });
        }
    };
    let report = move || {
        outcome.get().map(|result| match result {
            Err(message) => view! { <p class="rbe-field-error" role="alert">{message}</p> }.into_any(),
            Ok((import, rubrics)) => {
                let errors = import
                    .error_data
                    .into_iter()
                    .map(|e| view! { <li>{e.to_string()}</li> })
                    .collect_view();
                let created = rubrics
                    .into_iter()
                    .map(|r| {
                        let id = r.id;
                        view! {
                            <li><button type="button" class="rbe-link-button" on:click=move |_| on_open.run(Some(id))>{format!("Open {}", r.title)}</button></li>
                        }
                    })
                    .collect_view();
                let state = match import.workflow_state.as_str() {
                    "succeeded" => "The import succeeded.",
                    "succeeded_with_errors" => "The import finished with errors; the rows below were skipped.",
                    _ => "The import failed.",
                };
                view! {
                    <div class="rbe-import__report" role="status">
                        <p>{state}</p>
                        <ul class="rbe-import__errors">{errors}</ul>
                        <p class="rbe-hint">"Imported rubrics are drafts until you open and save them."</p>
                        <ul>{created}</ul>
                    </div>
                }
                .into_any()
            }
        })
    };
    let file_id = ids.id("file");
    view! {
        <section class="rbe-import" aria-labelledby=ids.id("heading")>
            <h2 class="rbe-heading" id=ids.id("heading")>"Import rubrics from CSV"</h2>
            <label for=file_id.clone()>"CSV file to import"</label>
            <input type="file" id=file_id accept=".csv,text/csv" node_ref=file
                on:change=move |_| outcome.set(None) />
            <button type="button" class="rbe-button" disabled=move || running.get() on:click=import>
                {move || if running.get() { "Importing…" } else { "Import CSV" }}
            </button>
            <button type="button" class="rbe-button" on:click=template>"Download blank template"</button>
            {report}
        </section>
    }
}
