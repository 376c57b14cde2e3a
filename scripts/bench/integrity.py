"""After a load run: every rubric, the scale and the assessment the server holds are whole and
obey Canvas's arithmetic (criterion points are the highest rating, the total their sum).
Usage: integrity.py BASE_URL. Exits 1 on the first broken record."""
import json
import sys
import urllib.request

base = sys.argv[1].rstrip("/")


def get(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer demo-admin-token"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer), answer.headers.get("Link", "")


def pages(path):
    while path:
        body, link = get(path)
        yield from body
        path = next((part.split(";")[0].strip()[1:-1].replace(base, "") for part in link.split(",") if 'rel="next"' in part), None)


count = 0
for rubric in pages("/api/v1/courses/1/rubrics?per_page=100"):
    count += 1
    for criterion in rubric["data"]:
        highest = max((r["points"] for r in criterion["ratings"]), default=0)
        if abs(criterion["points"] - highest) > 1e-9:
            sys.exit(f"rubric {rubric['id']}: criterion points {criterion['points']} but highest rating {highest}")
    total = round(sum(c["points"] for c in rubric["data"] if not c.get("ignore_for_scoring")), 4)
    if abs(rubric["points_possible"] - total) > 1e-9:
        sys.exit(f"rubric {rubric['id']}: points_possible {rubric['points_possible']} but criteria add to {total}")
demo, _ = get("/api/v1/courses/1/rubrics/1?include[]=assessments&style=full")
assessments = demo.get("assessments", [])
if len(assessments) != 1:
    sys.exit(f"one grading assessment per submission, found {len(assessments)}")
scale, _ = get("/api/v1/accounts/1/outcome_proficiency")
if sum(1 for r in scale["ratings"] if r["mastery"]) != 1:
    sys.exit("the scale has exactly one mastery level")
print(f"integrity: {count} rubrics whole and consistent, 1 assessment, the scale valid")
