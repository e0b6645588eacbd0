//! One team's handling-time shape in the Simulate view: fixed, exponential or lognormal (with its spread),
//! and a small preview of the distribution.

use yew::prelude::*;

use crate::sim::scenario::TimeDistribution;
use crate::view::density_preview::{density_preview, DensityPreview};
use crate::web::editor::inputs::{NumberInput, Select};
use crate::web::state::Action;
use crate::workspace::edit::{Edit, ScenarioField, TimeShape};

/// The spread a team gets when it switches to lognormal.
const NEW_LOGNORMAL_CV: f64 = 0.8;

const WIDTH: f64 = 120.0;
const HEIGHT: f64 = 28.0;

#[derive(Properties, PartialEq)]
pub struct HandlingShapeProps {
    pub team: String,
    pub team_name: String,
    pub time: TimeDistribution,
    pub dispatch: Callback<Action>,
}

fn shape_name(shape: TimeShape) -> &'static str {
    match shape {
        TimeShape::Fixed => "fixed",
        TimeShape::Exponential => "exponential",
        TimeShape::Lognormal { .. } => "lognormal",
    }
}

/// The preview as an SVG path over the drawing box.
fn preview_path(preview: &DensityPreview) -> String {
    match preview {
        DensityPreview::Spike(at) => {
            let x = at * WIDTH;
            format!("M{x:.1},{HEIGHT} L{x:.1},0")
        }
        DensityPreview::Curve(points) => points
            .iter()
            .enumerate()
            .map(|(i, (x, y))| {
                let command = if i == 0 { 'M' } else { 'L' };
                format!("{command}{:.1},{:.1}", x * WIDTH, HEIGHT - y * HEIGHT)
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[component]
pub fn HandlingShape(props: &HandlingShapeProps) -> Html {
    let shape = TimeShape::of(&props.time);
    let set = {
        let (dispatch, team) = (props.dispatch.clone(), props.team.clone());
        move |shape: TimeShape| {
            dispatch.emit(Action::Edit(Edit::SetScenario(
                ScenarioField::HandlingShape {
                    team: team.clone(),
                    shape,
                },
            )))
        }
    };
    let on_shape = {
        let set = set.clone();
        Callback::from(move |name: String| match name.as_str() {
            "fixed" => set(TimeShape::Fixed),
            "exponential" => set(TimeShape::Exponential),
            _ => set(TimeShape::Lognormal {
                cv: NEW_LOGNORMAL_CV,
            }),
        })
    };
    let on_cv = Callback::from(move |cv: f64| set(TimeShape::Lognormal { cv }));
    let options = [
        TimeShape::Fixed,
        TimeShape::Exponential,
        TimeShape::Lognormal { cv: 0.0 },
    ]
    .map(|shape| (shape_name(shape).to_owned(), shape_name(shape).to_owned()))
    .to_vec();
    let preview = density_preview(&props.time);
    html! {
        <div class="handling-shape">
            <label class="control-row"><span class="hint">{ "Shape" }</span>
                <Select {options} value={shape_name(shape)} on_change={on_shape}
                    label={format!("Shape of handling times in {}", props.team_name)} testid={format!("handling-shape-{}", props.team)} /></label>
            if let TimeShape::Lognormal { cv } = shape {
                <label class="control-row"><span class="hint">{ "Spread (sd ÷ mean)" }</span>
                    <NumberInput value={cv} on_change={on_cv} step={0.1}
                        label={format!("Spread of handling times in {}", props.team_name)} testid={format!("handling-cv-{}", props.team)} /></label>
            }
            <svg class="density-preview" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} width={WIDTH.to_string()} height={HEIGHT.to_string()}
                role="img" aria-label={format!("Handling times in {}: {} distribution, drawn from 0 to 3 × the mean", props.team_name, shape_name(shape))}
                data-testid={format!("handling-preview-{}", props.team)} data-shape={shape_name(shape)}>
                <path d={preview_path(&preview)} />
            </svg>
        </div>
    }
}
