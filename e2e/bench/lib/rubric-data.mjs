// The benchmark rubric, one definition for both sides: `bigRubricForm` posts it to rubric-server
// (Canvas's form encoding), and the React peer builds the same grid from `rubricData`.

const LONG = "What this criterion looks for, in a sentence or two.";

/** The rubric as plain data: `criteria` criteria of `ratings` ratings, highest points first. */
export function rubricData(criteria, ratings) {
  return {
    title: `Benchmark ${criteria}x${ratings}`,
    criteria: Array.from({ length: criteria }, (_, c) => ({
      description: `Criterion ${c + 1}`,
      long_description: LONG,
      ratings: Array.from({ length: ratings }, (_, r) => ({
        description: `Level ${ratings - r}`,
        long_description: "",
        points: (ratings - 1 - r) * 2,
      })),
    })),
  };
}

/** The same rubric as the form body of `POST /api/v1/courses/1/rubrics`. */
export function bigRubricForm(criteria, ratings) {
  const data = rubricData(criteria, ratings);
  const form = new URLSearchParams();
  form.set("rubric[title]", data.title);
  data.criteria.forEach((criterion, c) => {
    form.set(`rubric[criteria][${c}][description]`, criterion.description);
    form.set(`rubric[criteria][${c}][long_description]`, criterion.long_description);
    criterion.ratings.forEach((rating, r) => {
      form.set(`rubric[criteria][${c}][ratings][${r}][description]`, rating.description);
      form.set(`rubric[criteria][${c}][ratings][${r}][points]`, String(rating.points));
    });
  });
  form.set("rubric_association[association_type]", "Course");
  form.set("rubric_association[association_id]", "1");
  form.set("rubric_association[purpose]", "bookmark");
  return form;
}

/** `count` criteria as spreadsheet cells (tab-separated): description, then name/points pairs. */
export function pastedCriteria(count, ratings) {
  const rows = [];
  for (let c = 0; c < count; c += 1) {
    const cells = [`Pasted criterion ${c + 1}`];
    for (let r = 0; r < ratings; r += 1) cells.push(`Level ${ratings - r}`, String((ratings - 1 - r) * 2));
    rows.push(cells.join("\t"));
  }
  return rows.join("\n");
}
