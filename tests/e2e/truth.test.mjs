// Screen truth (issue 14): the sample workshop's plan run with five participants (two phones, two
// laptops, one at 1920 px), a kiosk and the host. For each activity, before and after its reveal,
// every figure that the kiosk, the host and two phones DREW (window.palabre.drawn(): the texts the
// views drew, not the state they read) is compared with core's figures of the relay's log
// (`palabre replay --figures`). Any difference fails with the screen, the figure and both values.
// Also: a challenge won in a race (the second right answer refused, both phones name the real
// winner), a fair quiz (countdown, nothing but the count while open, a late tap refused, a
// two-answer question won by picking both), a latecomer who sees the room's figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  appInfo, appState, clickItem, clickReached, eventually, findItem, launchBrowser, openApp, screenshot, startRelay,
  typeInto, viewports,
} from './harness.mjs';

const planFile = fileURLToPath(new URL('../../assets/plans/workshop_fr.palabre.json', import.meta.url));
const started = Date.now();
function step(what) { process.stderr.write(`[truth ${((Date.now() - started) / 1000).toFixed(1)} s] ${what}\n`); }

// [SECTION] what the screens drew, and core's figures
const drawnTexts = async (who) => (await who.page.evaluate(() => window.palabre.drawn())).map((d) => d.text);
const figureOf = (text) => { const m = /^(\d+)\s*%\s*\((\d+)\)$/u.exec(text ?? ''); return m ? { percent: +m[1], count: +m[2] } : null; };

/** Core's figures of every activity from the relay's log, by activity id. */
const logOf = (relay) => join(relay.dataDir, readdirSync(relay.dataDir).find((f) => f.endsWith('.palabre.jsonl')));
function coreFigures(relay) {
  const out = execFileSync(process.env.PALABRE_BIN, ['replay', logOf(relay), '--figures'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Object.fromEntries(out.trim().split('\n').map((line) => { const e = JSON.parse(line); return [e.activity, e]; }));
}

/** Waits until `check(texts)` returns '' (all right) on this screen; else fails with its last complaint. */
async function screenAgrees(who, check, { timeout = 8000 } = {}) {
  let complaint = '';
  try {
    await eventually(async () => { complaint = check(await drawnTexts(who)); return complaint === ''; }, { timeout, interval: 200 });
  } catch {
    await screenshot(who.page, `failure-truth-${who.name}`);
    throw new Error(`${who.name}: ${complaint}`);
  }
}

/** Each choice label drawn (after `heading`, when given: choices repeat between questions),
 *  followed by its figure "P %  (N)" equal to core's; a right answer's "✓ " before it is allowed. */
function choicesAgree(labels, expected, heading) {
  return (shown) => {
    const texts = shown.map((t) => t.replace(/^✓ /u, ''));  // a closed question's right answer is drawn marked
    const from = heading ? texts.lastIndexOf(heading) : 0;  // a phone draws the question above its answers, then in the results
    if (from < 0) return `question "${heading}" not drawn`;
    for (let c = 0; c < labels.length; c++) {
      // The label as a result bar's (its figure follows it), not as the answer button of the same text.
      let at = texts.indexOf(labels[c], from);
      while (at >= 0 && !figureOf(texts[at + 1])) {
        const next = texts.indexOf(labels[c], at + 1);
        if (next < 0) break;
        at = next;
      }
      if (at < 0) return `choice "${labels[c]}" not drawn`;
      const drawn = figureOf(texts[at + 1]);
      const want = expected[c];
      if (!drawn || drawn.percent !== want.percent || drawn.count !== want.count)
        return `choice "${labels[c]}": drew "${texts[at + 1]}", core says ${want.percent} % (${want.count})`;
    }
    return '';
  };
}
const allAgree = (...checks) => (texts) => checks.map((c) => c(texts)).find((r) => r !== '') ?? '';
const drawsLine = (pattern, what) => (texts) => (texts.some((t) => pattern.test(t)) ? '' : `${what} not drawn (wanted ${pattern})`);
const drawsNone = (pattern, what) => (texts) => { const t = texts.find((x) => pattern.test(x)); return t ? `${what} drawn while it must not be: "${t}"` : ''; };

test('screen truth: every figure every screen draws is core\'s figure of the log', { timeout: 900000 }, async () => {
  const relay = await startRelay();
  const browser = await launchBrowser();
  try {
    // [SECTION] the host loads the sample workshop's plan; a kiosk and five people join ---------------
    step('host, plan, kiosk, participants');
    const host = { name: 'host', ...(await openApp(browser, `${relay.url}/#/host`, { viewport: viewports.laptop })) };
    await clickReached(host.page, 'create');
    const info = await eventually(async () => { const i = await appInfo(host.page); return i.room && i.connected ? i : null; }, { what: 'the room' });
    const [chooser] = await Promise.all([host.page.waitForEvent('filechooser'), clickReached(host.page, 'load-plan')]);
    await chooser.setFiles(planFile);
    const plan = await eventually(async () => { const s = await appState(host.page); return s.activities?.length === 10 ? s.activities : null; }, { what: 'the plan loaded' });
    const byKind = (kind, n = 0) => plan.filter((a) => a.spec.kind === kind)[n];
    const kiosk = { name: 'kiosk', ...(await openApp(browser, info.links.kiosk, { viewport: viewports.kiosk })) };
    const people = {};
    const join = async (name, viewport, key) => {
      const p = { name: key, ...(await openApp(browser, info.links.join, { viewport })) };
      await typeInto(p.page, 'name', name);
      await clickItem(p.page, 'join');
      await eventually(async () => (await appInfo(p.page)).you, { what: `${name} joined` });
      p.id = (await appInfo(p.page)).you;
      people[key] = p;
      return p;
    };
    const alice = await join('Alice Nguyễn', viewports.phone, 'alice-phone');
    const bao = await join('Bảo Trần', viewports.phone, 'bao-phone');
    const chloe = await join('Chloé Dupré-Lefèvre', viewports.laptop, 'chloe-laptop');
    const dan = await join('Dan Okafor', viewports.kiosk, 'dan-1920');
    const nameOf = (id) => Object.values(people).find((p) => p.id === id)?.name;
    const displayName = { [alice.id]: 'Alice Nguyễn', [bao.id]: 'Bảo Trần', [chloe.id]: 'Chloé Dupré-Lefèvre', [dan.id]: 'Dan Okafor' };
    const phones = [alice, bao];
    const staffScreens = [host, kiosk];

    async function start(a) {
      await clickReached(host.page, `start-${a.id}`);
      for (const who of [kiosk, ...Object.values(people)])
        await eventually(async () => (await appState(who.page)).current_activity === a.id, { what: `activity ${a.id} on ${who.name}` });
    }
    async function select(a) {  // the host's results panel shows this activity
      if (await findItem(host.page, `select-${a.id}`, { timeout: 500 }).catch(() => null)) await clickReached(host.page, `select-${a.id}`);
    }
    async function stopAndReveal(a) {
      if ((await appState(host.page)).activities.find((x) => x.id === a.id).status === 'running') await clickReached(host.page, `stop-${a.id}`);
      await clickReached(host.page, `reveal-${a.id}`);
      for (const p of phones)
        await eventually(async () => (await appState(p.page)).activities.find((x) => x.id === a.id).published_as_of > 0, { what: `figures published to ${p.name}` });
    }
    async function shots(kind) {
      for (const who of [host, kiosk, alice, chloe, dan]) await screenshot(who.page, `truth-${kind}-${who.name}`);
    }
    // The host and the kiosk draw core's figures live; after the reveal, both phones draw them too.
    async function agreeBeforeAndAfterReveal(a, kind, check) {
      for (const who of staffScreens) await screenAgrees(who, check);
      await stopAndReveal(a);
      for (const p of phones) await screenAgrees(p, check);
      await shots(kind);
    }

    // Every single and multiple choice question of a survey: its bars are core's.
    const choiceChecks = (a, figures) => {
      const checks = [];
      a.spec.questions.forEach((q, qi) => {
        const f = figures.survey.questions[qi];
        if (q.kind === 'single') checks.push(choicesAgree(q.choices, f.choices.map(([count, percent]) => ({ count, percent })), q.text));
      });
      return checks;
    };

    // [SECTION] challenge: a race between two right answers -----------------------------------------
    step('challenge');
    const challenge = byKind('challenge');
    await start(challenge);
    await typeInto(chloe.page, 'answer', '01/09/2022');
    await clickItem(chloe.page, 'submit');
    await typeInto(alice.page, 'answer', '26/09/2022');
    await typeInto(bao.page, 'answer', '26-09-2022');
    const [aliceSubmit, baoSubmit] = [await findItem(alice.page, 'submit'), await findItem(bao.page, 'submit')];
    await Promise.all([
      alice.page.mouse.click(aliceSubmit.x + aliceSubmit.w / 2, aliceSubmit.y + aliceSubmit.h / 2),
      bao.page.mouse.click(baoSubmit.x + baoSubmit.w / 2, baoSubmit.y + baoSubmit.h / 2),
    ]);
    let core = await eventually(async () => { const f = coreFigures(relay); return f[challenge.id].challenge.won ? f : null; }, { what: 'a winner' });
    const won = core[challenge.id].challenge;
    const winner = displayName[won.winner];
    const loser = won.winner === alice.id ? bao : alice;
    assert.ok(winner, `the winner is Alice or Bảo (${won.winner})`);
    for (const who of [...staffScreens, loser]) await screenAgrees(who, drawsLine(new RegExp(`^(Gagné par )?${winner}$`), `the winner ${winner}`));
    await screenAgrees(people[Object.keys(people).find((k) => people[k].id === won.winner)], drawsLine(/^Vous avez gagné !$/u, '"Vous avez gagné !"'));
    await screenAgrees(loser, drawsNone(/^Vous avez gagné|^Bonne réponse/u, 'a win for the loser'));
    // The second right answer, if it left the phone before the win reached it, was refused by the
    // rules; either way there is one winner (core's Published.GivenAChallengeWon… covers the refusal).
    const replay = spawnSync(process.env.PALABRE_BIN, ['replay', logOf(relay)], { encoding: 'utf8' });
    if (replay.stderr.trim()) assert.match(replay.stderr, /1 rejected by the rules \(first: seq \d+, challenge_won\)/u);
    step(`the second right answer: ${replay.stderr.trim() || 'never sent (the win had reached the phone)'}`);
    await stopAndReveal(challenge);
    core = coreFigures(relay);
    const attempts = new RegExp(`${won.winner_attempts} / ${won.attempts} tentatives?`, 'u');
    for (const who of [...staffScreens, ...phones]) await screenAgrees(who, drawsLine(attempts, `attempts ${won.winner_attempts} / ${won.attempts}`));
    await shots('challenge');

    // [SECTION] survey (financing): a 12-choice multiple question, a single one, open answers -----------
    step('survey 1');
    const funding = byKind('survey', 0);
    await start(funding);
    for (const [p, choices] of [[alice, [0, 1, 11]], [bao, [1]], [chloe, [1, 4]]]) {
      for (const c of choices) await clickReached(p.page, `q0-c${c}`);
      await clickReached(p.page, 'q0-send');
      await clickReached(p.page, `q1-c${p === bao ? 1 : 0}`);
    }
    await eventually(async () => coreFigures(relay)[funding.id].survey.questions[1].respondents === 3, { what: 'three answers to the financing survey' });
    await select(funding);
    core = coreFigures(relay);
    const fundingChecks = () => allAgree(...funding.spec.questions.flatMap((q, qi) => {
      if (q.kind !== 'single' && q.kind !== 'multiple') return [];
      const f = core[funding.id].survey.questions[qi];
      return [choicesAgree(q.choices, f.choices.map(([count, percent]) => ({ count, percent })), q.text)];
    }));
    await screenAgrees(host, fundingChecks());
    await stopAndReveal(funding);
    for (const p of phones) await screenAgrees(p, fundingChecks());
    await shots('survey-funding');

    // [SECTION] survey (usage): single choices, a 7-item-like ranking, a rating with a comment ------------
    step('survey');
    const survey = byKind('survey', 1);
    await start(survey);
    const picks = { [alice.id]: [0, 1, 0, 1], [bao.id]: [1, 1, 2, 0], [chloe.id]: [0, 3, 0, 1], [dan.id]: [2, 2, 1, 1] };
    for (const p of [alice, bao, chloe, dan]) {
      for (let q = 0; q < 4; q++) await clickReached(p.page, `q${q}-c${picks[p.id][q]}`);
      for (const item of [2, 0, 1]) await clickReached(p.page, `q4-c${item}`);
      await clickReached(p.page, 'q4-send');
      await clickReached(p.page, `q5-star-${p === bao ? 2 : 4}`);
    }
    await eventually(async () => coreFigures(relay)[survey.id].survey.questions[5].respondents === 4, { what: 'four survey answers' });
    await select(survey);
    const surveyChecks = (figures) => choiceChecks(survey, figures);
    core = coreFigures(relay);
    await screenAgrees(host, allAgree(...surveyChecks(core[survey.id])));
    // The kiosk shows the question the host chose: whichever it drew, its figures are core's.
    const singles = survey.spec.questions.map((q, qi) => [q, qi]).filter(([q]) => q.kind === 'single');
    await screenAgrees(kiosk, (texts) => {
      const shown = singles.filter(([q]) => texts.includes(q.text));
      if (!shown.length) return 'no single-choice question drawn';
      return allAgree(...shown.map(([, qi]) => surveyChecks(core[survey.id])[singles.findIndex(([, i]) => i === qi)]))(texts);
    }, { timeout: 25000 });
    await stopAndReveal(survey);
    for (const p of phones) await screenAgrees(p, allAgree(...surveyChecks(core[survey.id])));
    const ranking = core[survey.id].survey.questions[4].ranking.map((item, k) => `${k + 1}.  ${survey.spec.questions[4].choices[item]}`);
    for (const who of [host, ...phones]) await screenAgrees(who, allAgree(...ranking.map((r) => drawsLine(new RegExp(`^${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'u'), r))));
    // A latecomer sees the room's figures too.
    const elodie = await join('Élodie Ménard', viewports.laptop, 'elodie-laptop');
    await screenAgrees(elodie, allAgree(...surveyChecks(core[survey.id])));
    await shots('survey');

    // [SECTION] rating (live vote) ----------------------------------------------------------------------
    step('rating');
    const rating = byKind('rating');
    await start(rating);
    for (const [p, s] of [[alice, 5], [bao, 4], [chloe, 4], [dan, 1]]) await clickReached(p.page, `star-${s}`);
    await eventually(async () => coreFigures(relay)[rating.id].rating.votes === 4, { what: 'four votes' });
    await select(rating);
    core = coreFigures(relay);
    const r = core[rating.id].rating;
    const average = `${Math.floor(r.average_tenths / 10)},${r.average_tenths % 10}`;
    const stars = [5, 4, 3, 2, 1].map(String);
    const starFigures = [5, 4, 3, 2, 1].map((s) => ({ count: r.per_star[s - 1], percent: Math.round((100 * r.per_star[s - 1]) / r.votes) }));
    const ratingAgrees = allAgree(drawsLine(new RegExp(`^${average}$`), `average ${average}`), choicesAgree(stars, starFigures),
      drawsLine(new RegExp(`^${r.votes}( / \\d+)? votes?$`, 'u'), `${r.votes} votes`));
    await agreeBeforeAndAfterReveal(rating, 'rating', ratingAgrees);

    // [SECTION] brainstorm: one word each, folded (Élan, ÉLAN, élan), one phrase ---------------------------
    step('brainstorm');
    const brainstorm = byKind('brainstorm');
    await start(brainstorm);
    for (const [p, word] of [[alice, 'Élan'], [bao, 'ÉLAN'], [chloe, 'élan'], [dan, 'Œuvre'], [elodie, 'œuvre'], [alice, 'Rentrée intense']]) {
      await typeInto(p.page, 'idea', word);
      await clickItem(p.page, 'post-idea');
    }
    await eventually(async () => coreFigures(relay)[brainstorm.id].ideas.ideas === 6, { what: 'six ideas' });
    await select(brainstorm);
    core = coreFigures(relay);
    const ideas = core[brainstorm.id].ideas;
    const ideasLine = drawsLine(new RegExp(`^${ideas.ideas} idées? · ${ideas.contributors}( / \\d+)? participants?$`, 'u'), `${ideas.ideas} ideas by ${ideas.contributors}`);
    const wordsDrawn = allAgree(...ideas.words.map(([w]) => drawsLine(new RegExp(`^${w}$`, 'u'), `the word "${w}"`)));
    assert.deepEqual(ideas.words.map(([, n]) => n), [3, 2, 1], `core folds the words: ${JSON.stringify(ideas.words)}`);
    await agreeBeforeAndAfterReveal(brainstorm, 'brainstorm', allAgree(ideasLine, wordsDrawn));

    // [SECTION] board: post-its in the three zones ----------------------------------------------------
    step('board');
    const board = byKind('board');
    await start(board);
    for (const [p, zone, text] of [[alice, 0, 'Des ateliers entre pairs'], [chloe, 1, 'Une boîte à outils partagée'], [dan, 2, 'Se rencontrer en région'], [elodie, 2, 'Un annuaire des lieux']]) {
      await clickReached(p.page, `category-${zone}`);
      await typeInto(p.page, 'idea', text);
      await clickItem(p.page, 'post-idea');
    }
    await eventually(async () => coreFigures(relay)[board.id].ideas.ideas === 4, { what: 'four post-its' });
    await select(board);
    core = coreFigures(relay);
    const boardFigures = core[board.id].ideas;
    const boardLine = drawsLine(new RegExp(`^${boardFigures.ideas} idées? · ${boardFigures.contributors}( / \\d+)? participants?$`, 'u'),
      `${boardFigures.ideas} post-its by ${boardFigures.contributors}`);
    await agreeBeforeAndAfterReveal(board, 'board', boardLine);

    // [SECTION] quiz: countdown, only the count while open, a late tap, a two-answer question ----------------
    step('quiz');
    const quiz = byKind('quiz');
    await start(quiz);
    await select(quiz);
    const countdown = drawsLine(/^\d+ s/u, 'a countdown');
    for (const who of [kiosk, ...phones]) await screenAgrees(who, countdown);
    await clickItem(alice.page, 'choice-1');
    await clickItem(chloe.page, 'choice-0');
    const openQuiz = allAgree(drawsNone(/%/u, 'a per-choice figure'), drawsNone(/\bpts?\b/u, 'a score'), drawsLine(/^2( \/ \d+)? ont répondu$/u, '"2 / 5 ont répondu"'));
    for (const who of [host, kiosk, ...phones]) await screenAgrees(who, openQuiz);
    await shots('quiz-open');
    // Bảo waits past the 20 s: her tap is refused and her phone says so.
    const q0 = (await appState(host.page)).activities.find((a) => a.id === quiz.id);
    await bao.page.waitForTimeout(Math.max(0, q0.questions[0].deadline - Date.now()) + 1500);
    await clickItem(bao.page, 'choice-1').catch(() => {});
    await screenAgrees(bao, drawsLine(/^(Temps écoulé|Trop tard.*)$/u, 'time up'));
    core = await eventually(async () => { const f = coreFigures(relay); return f[quiz.id].quiz.picks[0].some((n) => n > 0) ? f : null; }, { what: 'question 1 closed' });
    assert.equal(core[quiz.id].quiz.answered[0], 2, 'the late tap is not counted');
    const quizQuestion = (q, figures) => choicesAgree(quiz.spec.questions[q].choices,
      figures.quiz.picks[q].map((count, c) => ({ count, percent: figures.quiz.picks_percent[q][c] })));
    for (const who of [host, kiosk, ...phones]) await screenAgrees(who, quizQuestion(0, core[quiz.id]));
    await clickReached(host.page, `next-${quiz.id}`);
    await eventually(async () => (await appState(alice.page)).activities.find((a) => a.id === quiz.id).current_question === 1, { what: 'question 2' });
    await clickItem(alice.page, 'choice-2');
    await clickItem(bao.page, 'choice-2');
    await clickReached(host.page, `close-question-${quiz.id}`);
    await clickReached(host.page, `next-${quiz.id}`);
    await eventually(async () => (await appState(alice.page)).activities.find((a) => a.id === quiz.id).current_question === 2, { what: 'question 3' });
    // Two right answers: Alice picks both and confirms; Dan picks one. The new question's layout
    // settles first (the last one's results leave the screen), as a person's eyes would.
    await alice.page.waitForTimeout(800);
    // Scrolled into view first: a phone left lower down by the last question's results would put a
    // choice under its tab bar.
    await clickReached(alice.page, 'choice-0');
    await clickReached(alice.page, 'choice-2');
    await clickReached(alice.page, 'confirm');
    await clickReached(dan.page, 'choice-0');
    await clickReached(dan.page, 'confirm');
    const aliceQuiz = await eventually(async () => (await appState(alice.page)).activities.find((a) => a.id === quiz.id).questions[2].answers[0], { what: 'Alice’s answer' });
    assert.deepEqual(aliceQuiz.choices, [0, 2], 'Alice confirmed both picks');
    await eventually(async () => coreFigures(relay)[quiz.id].quiz.answered[2] === 2, { what: 'two answers to question 3' });
    await clickReached(host.page, `close-question-${quiz.id}`);
    await clickReached(host.page, `podium-${quiz.id}`);
    core = await eventually(async () => { const f = coreFigures(relay); return f[quiz.id].quiz.leaderboard.length ? f : null; }, { what: 'the podium' });
    assert.equal(core[quiz.id].quiz.correct_percent[2], 50, 'Alice (both) right, Dan (one) wrong');
    const podium = core[quiz.id].quiz.leaderboard.slice(0, 3).map((row) => allAgree(
      drawsLine(new RegExp(`^${displayName[row[0]] ?? nameOf(row[0])}$`, 'u'), `podium name ${row[0]}`),
      drawsLine(new RegExp(`^${row[1]} pts?$`, 'u'), `${row[1]} points`)));
    for (const who of [host, kiosk, ...phones]) await screenAgrees(who, allAgree(quizQuestion(2, core[quiz.id]), ...podium));
    await shots('quiz');

    // [SECTION] Q&A: upvotes live for everyone ---------------------------------------------------------
    step('qna');
    const qna = byKind('qna');
    await start(qna);
    await select(qna);
    await typeInto(chloe.page, 'question', 'Quand sort la prochaine étude ?');
    await clickItem(chloe.page, 'ask');
    const question = await eventually(async () => (await appState(host.page)).activities.find((a) => a.id === qna.id).questions?.[0], { what: 'a question' });
    await clickReached(alice.page, `upvote-${question.id}`);
    await clickReached(dan.page, `upvote-${question.id}`);
    await eventually(async () => coreFigures(relay)[qna.id].qna.upvotes[0]?.[1] === 2, { what: 'two upvotes' });
    for (const who of staffScreens) await screenAgrees(who, drawsLine(/^2\s+Quand sort la prochaine étude \?$/u, 'the question with 2 votes'));
    for (const p of [bao, elodie])
      await eventually(async () => (await findItem(p.page, `upvote-${question.id}`)).label === '2', { what: `2 upvotes on ${p.name}` });
    await shots('qna');
  } finally {
    await browser.close();
    await relay.stop();
  }
});
