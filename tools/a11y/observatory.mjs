// The MDN HTTP Observatory's scan of a site on ports of our choosing:
//
//     node tools/a11y/observatory.mjs HOST HTTP_PORT HTTPS_PORT
//
// prints {grade, score, tests: [{name, title, pass, result, modifier}]} as JSON. The package's
// own scan() (src/scanner/index.js) takes a host name only, so always ports 80 and 443; its
// retriever takes the ports, and this grades what it fetched as scan() does. It trusts the
// machine's certificates plus NODE_EXTRA_CA_CERTS, and needs conf/hsts-preload.json (the
// Makefile's checkers step writes an empty one: nothing on 127.0.0.1 is preloaded).
import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import { getGradeForScore, getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";

const [host, httpPort, httpsPort] = process.argv.slice(2);
const requests = await retrieve(host, { httpPort, httpsPort });
if (!requests.responses.auto) {
  console.error(`No answer from ${host} on port ${httpsPort} or ${httpPort}`);
  process.exit(1);
}
// As scan() does: an error page is not graded.
const { status } = requests.responses.auto;
if (status < 200 || (status >= 400 && ![401, 403].includes(status))) {
  console.error(`${host} answered ${status}`);
  process.exit(1);
}

// Extra credit (a positive modifier) counts only once the penalties alone leave an A.
let score = 100;
let penalised = 100;
const tests = ALL_TESTS.map((test) => {
  const output = test(requests);
  const modifier = output.result ? getScoreModifier(output.result) : 0;
  score += modifier;
  penalised += Math.min(modifier, 0);
  const { name, title } = output.constructor;
  return { name, title, pass: output.pass, result: output.result, modifier };
});
const final = getGradeForScore(penalised >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? score : penalised);
console.log(JSON.stringify({ grade: final.grade, score: final.score, tests }, null, 2));
