// The React 18 peer of the rubric grid, for the editor benchmark: the same grid as
// bigRubricForm (size from ?criteria=50&ratings=6), the same accessible names and class names
// as our editor, written the idiomatic fast way: immutable state in a reducer, memoised rows and
// rating cells (React.memo), stable callbacks (useCallback), controlled inputs and a derived
// total (useMemo over the per-row maximum points). No validation, drafts or undo: it is the
// floor a plain React grid reaches, not a feature-for-feature copy.
import React, { memo, useCallback, useMemo, useReducer } from "react";
import { createRoot } from "react-dom/client";
import { rubricData } from "../../lib/rubric-data.mjs";

let nextKey = 1;
const key = () => nextKey++;

function initialState({ criteria, ratings }) {
  const data = rubricData(criteria, ratings);
  return {
    title: data.title,
    criteria: data.criteria.map((c) => ({
      key: key(),
      description: c.description,
      long_description: c.long_description,
      use_range: false,
      ratings: c.ratings.map((r) => ({
        key: key(),
        description: r.description,
        long_description: r.long_description,
        points: String(r.points),
      })),
    })),
  };
}

function starterCriterion() {
  const levels = [["Full Marks", "5"], ["No Marks", "0"]];
  return {
    key: key(),
    description: "",
    long_description: "",
    use_range: false,
    ratings: levels.map(([description, points]) => ({ key: key(), description, long_description: "", points })),
  };
}

function reducer(state, action) {
  switch (action.type) {
    case "title":
      return { ...state, title: action.value };
    case "criterion":
      return {
        ...state,
        criteria: state.criteria.map((c) => (c.key === action.criterion ? { ...c, [action.field]: action.value } : c)),
      };
    case "rating":
      return {
        ...state,
        criteria: state.criteria.map((c) =>
          c.key !== action.criterion
            ? c
            : { ...c, ratings: c.ratings.map((r) => (r.key === action.rating ? { ...r, [action.field]: action.value } : r)) },
        ),
      };
    case "add":
      return { ...state, criteria: [...state.criteria, starterCriterion()] };
    case "delete":
      return { ...state, criteria: state.criteria.filter((c) => c.key !== action.criterion) };
    default:
      return state;
  }
}

const points = (text) => {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) ? value : 0;
};
const maxPoints = (criterion) => criterion.ratings.reduce((max, r) => Math.max(max, points(r.points)), 0);
const format = (value) => String(Math.round(value * 100) / 100);

const RatingCell = memo(function RatingCell({ criterionKey, rating, c, r, onRating }) {
  const set = (field) => (event) => onRating(criterionKey, rating.key, field, event.target.value);
  return (
    <li className="rbe-rating">
      <div className="rbe-rating__points">
        <input type="text" className="rbe-input rbe-input--points" inputMode="decimal" aria-invalid="false"
          aria-label={`Criterion ${c} rating ${r} points`} value={rating.points} onChange={set("points")} />
        <span className="rbe-rating__unit" aria-hidden="true">pts</span>
      </div>
      <input type="text" className="rbe-input" inputMode="text" aria-invalid="false"
        aria-label={`Criterion ${c} rating ${r} description`} value={rating.description} onChange={set("description")} />
      <textarea className="rbe-input rbe-textarea" rows={2} aria-invalid="false"
        aria-label={`Criterion ${c} rating ${r} long description`} value={rating.long_description} onChange={set("long_description")} />
      <div className="rbe-rating__actions">
        <button type="button" className="rbe-icon-button" aria-label={`Insert rating before criterion ${c} rating ${r}`}
          title="Insert a rating before this one">+</button>
        <button type="button" className="rbe-icon-button rbe-icon-button--danger" aria-label={`Delete criterion ${c} rating ${r}`}
          title="Delete this rating">×</button>
      </div>
    </li>
  );
});

const CriterionRow = memo(function CriterionRow({ criterion, n, count, onCriterion, onRating, onDelete }) {
  const set = (field) => (event) => onCriterion(criterion.key, field, event.target.value);
  return (
    <tr className="rbe-criterion" data-criterion={criterion.key}>
      <th scope="row" className="rbe-criterion__main">
        <span className="rbe-criterion__number">Criterion {n}</span>
        <input type="text" className="rbe-input" inputMode="text" aria-invalid="false"
          aria-label={`Criterion ${n} description`} value={criterion.description} onChange={set("description")} />
        <textarea className="rbe-input rbe-textarea" rows={2} aria-invalid="false"
          aria-label={`Criterion ${n} long description`} value={criterion.long_description} onChange={set("long_description")} />
        <label className="rbe-check">
          <input type="checkbox" aria-label={`Criterion ${n} uses point range`} checked={criterion.use_range}
            onChange={(event) => onCriterion(criterion.key, "use_range", event.target.checked)} />
          {" Use point range"}
        </label>
      </th>
      <td className="rbe-criterion__ratings">
        <ul className="rbe-ratings" role="list" aria-label={`Ratings of criterion ${n}`}>
          {criterion.ratings.map((rating, i) => (
            <RatingCell key={rating.key} criterionKey={criterion.key} rating={rating} c={n} r={i + 1} onRating={onRating} />
          ))}
        </ul>
        <button type="button" className="rbe-button rbe-button--small" aria-label={`Add rating to criterion ${n}`}>+ Rating</button>
      </td>
      <td className="rbe-criterion__points"><span>{format(maxPoints(criterion))}</span> pts</td>
      <td className="rbe-criterion__actions">
        <button type="button" className="rbe-icon-button rbe-drag-handle" draggable="true"
          aria-label={`Drag criterion ${n} to reorder`} title="Drag to reorder, or use the move buttons">⠿</button>
        <button type="button" className="rbe-icon-button" aria-label={`Move criterion ${n} up`} disabled={n === 1}>↑</button>
        <button type="button" className="rbe-icon-button" aria-label={`Move criterion ${n} down`} disabled={n === count}>↓</button>
        <button type="button" className="rbe-button rbe-button--small" aria-label={`Duplicate criterion ${n}`}>Duplicate</button>
        <button type="button" className="rbe-button rbe-button--small" aria-label={`Insert criterion before criterion ${n}`}>Insert criterion</button>
        <button type="button" className="rbe-button rbe-button--small rbe-button--danger" aria-label={`Delete criterion ${n}`}
          onClick={() => onDelete(criterion.key)}>Delete</button>
      </td>
    </tr>
  );
});

function RubricGrid({ size }) {
  const [state, dispatch] = useReducer(reducer, size, initialState);
  const onCriterion = useCallback((criterion, field, value) => dispatch({ type: "criterion", criterion, field, value }), []);
  const onRating = useCallback(
    (criterion, rating, field, value) => dispatch({ type: "rating", criterion, rating, field, value }),
    [],
  );
  const onDelete = useCallback((criterion) => dispatch({ type: "delete", criterion }), []);
  const onAdd = useCallback(() => dispatch({ type: "add" }), []);
  const total = useMemo(() => state.criteria.reduce((sum, c) => sum + maxPoints(c), 0), [state.criteria]);
  const count = state.criteria.length;
  return (
    <section className="rbe-editor rbe-rubric" role="region" aria-label="Rubric">
      <div className="rbe-field rbe-rubric__title">
        <label htmlFor="peer-title">Title</label>
        <input id="peer-title" type="text" className="rbe-input" aria-label="Rubric title" value={state.title}
          onChange={(event) => dispatch({ type: "title", value: event.target.value })} />
      </div>
      <div className="rbe-grid-scroll">
        <table className="rbe-table rbe-grid">
          <caption className="rbe-sr-only">Criteria and their ratings</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Ratings</th>
              <th scope="col">Points</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {state.criteria.map((criterion, i) => (
              <CriterionRow key={criterion.key} criterion={criterion} n={i + 1} count={count}
                onCriterion={onCriterion} onRating={onRating} onDelete={onDelete} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="rbe-total">Total points: <strong className="rbe-total__value">{format(total)}</strong></p>
      <div className="rbe-actions">
        <button type="button" className="rbe-button" onClick={onAdd}>Add criterion</button>
      </div>
    </section>
  );
}

const params = new URLSearchParams(location.search);
const size = { criteria: Number(params.get("criteria") || 50), ratings: Number(params.get("ratings") || 6) };
createRoot(document.getElementById("app")).render(<RubricGrid size={size} />);
