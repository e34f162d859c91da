// A complete workshop through the real UI, as people would run it: the host prepares the session
// from scratch in the plan editor (every kind of activity, with questions), three participants join
// (Alice on a phone by the join link, Bruno and Chloé on laptops by the code), everyone takes part in
// every activity while the kiosk shows each result, Alice and the host reload mid-activity and lose
// nothing, and the report downloaded at the end holds what happened. Screenshots of every activity at
// phone, laptop and kiosk sizes land in $PALABRE_SCREENSHOTS (workshop-*.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  appInfo, appState, clickItem, clickReached, clickUntil, downloadVia, eventually, fillField, findItem, launchBrowser,
  isDrawn, openApp, openNewActivity, reachItem, screenshot, startRelay, typeInto, viewports, waitReady,
} from './harness.mjs';

const activityTitles = {
  challenge: 'A quelle date la feuille de route a-t-elle été publiée ?',
  quiz: 'Quiz : connaissez-vous le TMNlab ?',
  survey: 'Vos usages du numérique',
  brainstorm: 'Un mot pour définir votre rentrée ?',
  board: 'Votre rapport au TMNlab',
  rating: 'Donnez-nous votre avis sur ce Café !',
  qna: 'Vos questions à l’équipe',
  presentation: 'Développement TMNlab',
};

const started = Date.now();
// Progress on stderr, so a slow or stuck run shows where it is.
function step(what) { process.stderr.write(`[workshop ${((Date.now() - started) / 1000).toFixed(1)} s] ${what}\n`); }

async function activities(page) { return (await appState(page)).activities; }
async function activityOf(page, kind) { return (await activities(page)).find((a) => a.spec.kind === kind); }

// The console opens the selected row only: its move, edit and remove controls.
async function selectRow(page, id, where) {
  // Selected once its edit controls show (only the selected row has them); a loaded machine may
  // need more than one look, so look again rather than take a row for selected.
  for (let tries = 0; tries < 4; tries++) {
    if (await reachItem(page, `act-edit-${id}`, { ...where, steps: 12 }).catch(() => null)) return;
    if (await reachItem(page, `select-${id}`, { ...where, steps: 30 }).catch(() => null)) await clickReached(page, `select-${id}`, where);
  }
}

test('a complete workshop: prepared from scratch, run with three participants and a kiosk, reported', { timeout: 600000 }, async () => {
  const relay = await startRelay();
  const browser = await launchBrowser();
  try {
    // [SECTION] the host prepares the session ----------------------------------------------------
    step('the host prepares the session');
    const host = await openApp(browser, `${relay.url}/#/host`, { viewport: viewports.laptop });
    await fillField(host.page, 'session-title', 'Café TMNlab — stratégie numérique 2023');
    await fillField(host.page, 'session-host', 'Anne Le Gall');
    await fillField(host.page, 'session-date', '2022-10-05');
    await fillField(host.page, 'session-description', 'Tendances de la rentrée et perspectives 2023.');
    await clickReached(host.page, 'session-locale-fr');
    await screenshot(host.page, 'workshop-host-create-laptop');
    await clickReached(host.page, 'create');
    const hostInfo = await eventually(async () => { const i = await appInfo(host.page); return i.room && i.connected ? i : null; },
      { what: 'the room to be created' });
    await eventually(async () => (await appState(host.page)).session.title === 'Café TMNlab — stratégie numérique 2023',
      { what: 'the session details to be configured' });
    const session = (await appState(host.page)).session;
    assert.equal(session.host, 'Anne Le Gall');
    assert.equal(session.date, '2022-10-05');
    assert.equal(session.timezone, 'Europe/Paris');

    const editorArea = { x: 683, y: 420 };
    const resultsArea = { x: 683, y: 650 };  // the selected activity's results and moderation, under the list
    async function openEditor(kind, title) {
      await openNewActivity(host.page, kind, editorArea);
      await fillField(host.page, 'act-title', title, editorArea);
    }
    // Adds question `n` to the editor; a press that landed while the editor was still scrolling is
    // given again, as a person would once they see no new question.
    async function addQuestion(n) {
      for (let tries = 0; ; tries++) {
        await clickReached(host.page, 'q-add', editorArea);
        try {
          await reachItem(host.page, `q${n}-text`, editorArea);
          return;
        } catch (e) {
          if (tries >= 2) throw e;
        }
      }
    }
    // A press on "Enregistrer" lost on a loaded machine (CI, once) is given again; when the form
    // refuses the draft, the failure says what the page drew, the editor's message among it.
    async function saveActivity(kind) {
      step(`save the ${kind}`);
      const before = (await activities(host.page)).length;
      try {
        await clickUntil(host.page, 'act-save', async () => (await activities(host.page)).length === before + 1,
          { area: editorArea, timeout: 20000, what: `the ${kind} to be added` });
      } catch (e) {
        await screenshot(host.page, `workshop-failed-save-${kind}`);
        const drawn = await host.page.evaluate(() => window.palabre.drawn().filter((d) => d.visible).map((d) => d.text).join(' | '));
        throw new Error(`${e.message}; the page drew: ${drawn}`);
      }
    }

    await openEditor('challenge', activityTitles.challenge);
    await fillField(host.page, 'answer0', '26/09/2022', editorArea);
    await saveActivity('challenge');

    await openEditor('quiz', activityTitles.quiz);
    await fillField(host.page, 'q0-text', 'En quelle année le TMNlab a-t-il été créé ?', editorArea);
    await fillField(host.page, 'q0-choice0', '2013', editorArea);
    await fillField(host.page, 'q0-choice1', '2014', editorArea);
    await clickReached(host.page, 'q0-correct1', editorArea);
    await addQuestion(1);
    await fillField(host.page, 'q1-text', 'Combien de membres compte la communauté ?', editorArea);
    await fillField(host.page, 'q1-choice0', 'environ 300', editorArea);
    await fillField(host.page, 'q1-choice1', 'plus de 800', editorArea);
    await clickReached(host.page, 'q1-correct1', editorArea);
    await screenshot(host.page, 'workshop-host-editor-quiz-laptop');
    await saveActivity('quiz');

    await openEditor('survey', activityTitles.survey);
    await clickReached(host.page, 'q0-kind-single', editorArea);
    await fillField(host.page, 'q0-text', 'Avez-vous mis une photo de profil ?', editorArea);
    await fillField(host.page, 'q0-choice0', 'oui', editorArea);
    await fillField(host.page, 'q0-choice1', 'non', editorArea);
    await addQuestion(1);
    await clickReached(host.page, 'q1-kind-multiple', editorArea);
    await fillField(host.page, 'q1-text', 'Quels dispositifs connaissez-vous ?', editorArea);
    await fillField(host.page, 'q1-choice0', 'PIA 4', editorArea);
    await fillField(host.page, 'q1-choice1', 'France 2030', editorArea);
    await clickReached(host.page, 'q1-choice-add', editorArea);
    await fillField(host.page, 'q1-choice2', 'Aucun', editorArea);
    await addQuestion(2);
    await clickReached(host.page, 'q2-kind-open', editorArea);
    await fillField(host.page, 'q2-text', 'Un souhait pour 2023 ?', editorArea);
    await saveActivity('survey');

    const surveySpec = (await activityOf(host.page, 'survey')).spec;
    assert.deepEqual(surveySpec.questions.map((q) => q.kind), ['single', 'multiple', 'open'], 'the survey as the host wrote it');
    assert.deepEqual((await activityOf(host.page, 'quiz')).spec.questions.map((q) => q.correct), [[1], [1]], 'the quiz as the host wrote it');

    await openEditor('brainstorm', activityTitles.brainstorm);
    await saveActivity('brainstorm');

    await openEditor('board', activityTitles.board);
    await fillField(host.page, 'cat0', 'Communauté apprenante', editorArea);
    await fillField(host.page, 'cat1', 'Espace de ressources', editorArea);
    await saveActivity('board');

    await openEditor('qna', activityTitles.qna);
    await saveActivity('qna');

    await openEditor('rating', activityTitles.rating);
    await saveActivity('rating');

    await openEditor('presentation', activityTitles.presentation);
    await fillField(host.page, 'p0-title', 'Une communauté apprenante', editorArea);
    await fillField(host.page, 'p0-text', '840 membres depuis 2013', editorArea);
    await clickReached(host.page, 'page-add', editorArea);
    await fillField(host.page, 'p1-title', 'Un réseau national', editorArea);
    await saveActivity('presentation');

    // A draft added by mistake is removed; the rating moves before the Q&A; a title is edited.
    await openEditor('rating', 'À supprimer');
    await saveActivity('rating');
    const mistake = (await activities(host.page)).at(-1);
    await selectRow(host.page, mistake.id, editorArea);
    await clickReached(host.page, `act-remove-${mistake.id}`, editorArea);
    await eventually(async () => !(await activities(host.page)).some((a) => a.id === mistake.id), { what: 'the draft to be removed' });
    const rating = await activityOf(host.page, 'rating');
    await selectRow(host.page, rating.id, editorArea);
    await clickReached(host.page, `act-up-${rating.id}`, editorArea);
    await eventually(async () => (await activities(host.page)).map((a) => a.spec.kind).join() ===
      'challenge,quiz,survey,brainstorm,board,rating,qna,presentation', { what: 'the rating to move up' });
    const qna = await activityOf(host.page, 'qna');
    await selectRow(host.page, qna.id, editorArea);
    await clickUntil(host.page, `act-edit-${qna.id}`, () => isDrawn(host.page, 'act-title'),
      { area: editorArea, what: 'the Q&A editor to open' });
    await fillField(host.page, 'act-title', 'Vos questions à l’équipe du TMNlab', editorArea);
    await clickReached(host.page, 'act-save', editorArea);
    activityTitles.qna = 'Vos questions à l’équipe du TMNlab';
    await eventually(async () => (await activityOf(host.page, 'qna')).spec.title === activityTitles.qna, { what: 'the Q&A title edit' });

    // The plan can be saved and holds all eight activities.
    const plan = await downloadVia(host.page, 'plan-save', editorArea);
    const planJson = JSON.parse(plan.text);
    assert.equal(planJson.activities.length, 8);
    assert.equal(planJson.session.title, 'Café TMNlab — stratégie numérique 2023');
    await screenshot(host.page, 'workshop-host-plan-laptop');

    // [SECTION] the kiosk and three participants join --------------------------------------------
    step('the kiosk and three participants join');
    const kiosk = await openApp(browser, hostInfo.links.kiosk, { viewport: viewports.kiosk });
    const alice = await openApp(browser, hostInfo.links.join, { viewport: viewports.phone });
    const bruno = await openApp(browser, `${relay.url}/`, { viewport: viewports.laptop });
    const chloe = await openApp(browser, `${relay.url}/`, { viewport: viewports.laptop });
    for (const person of [bruno, chloe]) {
      await typeInto(person.page, 'code', hostInfo.room);
      await clickItem(person.page, 'go');
    }
    const people = { Alice: alice, Bruno: bruno, Chloé: chloe };
    for (const [name, person] of Object.entries(people)) {
      await typeInto(person.page, 'name', name);
      await clickItem(person.page, 'join');
    }
    await eventually(async () => (await appState(host.page)).participants.length === 3, { what: 'three participants' });
    const idOf = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([n, p]) => [n, (await appInfo(p.page)).you])));

    async function everyoneSees(id) {
      for (const who of [alice, bruno, chloe, kiosk])
        await eventually(async () => (await appState(who.page)).current_activity === id, { what: `activity ${id} on every screen` });
    }
    async function start(kind) {
      const a = await activityOf(host.page, kind);
      await clickReached(host.page, `start-${a.id}`, editorArea);
      await everyoneSees(a.id);
      return a.id;
    }
    async function stopAndReveal(id) {
      if ((await activities(host.page)).find((a) => a.id === id).status === 'running')
        await clickReached(host.page, `stop-${id}`, editorArea);
      await clickReached(host.page, `reveal-${id}`, editorArea);
      await eventually(async () => (await appState(kiosk.page)).activities.find((a) => a.id === id).revealed,
        { what: `activity ${id} revealed on the kiosk` });
    }
    async function shots(kind) {
      await screenshot(alice.page, `workshop-${kind}-phone`);
      await screenshot(bruno.page, `workshop-${kind}-laptop`);
      await screenshot(host.page, `workshop-${kind}-host-laptop`);
      await screenshot(kiosk.page, `workshop-${kind}-kiosk`);
    }
    const figuresOnKiosk = async (id) => (await appState(kiosk.page)).activities.find((a) => a.id === id).figures;
    const questionFigures = async (id) => (await appState(kiosk.page)).activities.find((a) => a.id === id).questions.map((q) => q.figures);

    // [SECTION] challenge: Bruno is wrong once, Alice wins --------------------------------------------
    step('challenge: Bruno is wrong once, Alice wins');
    const challenge = await start('challenge');
    await typeInto(bruno.page, 'answer', '01/09/2022');
    await clickItem(bruno.page, 'submit');
    await typeInto(alice.page, 'answer', '26/09/2022');
    await clickItem(alice.page, 'submit');
    const won = await eventually(async () => { const f = await figuresOnKiosk(challenge); return f.won ? f : null; }, { what: 'the challenge to be won' });
    assert.equal(won.winner, idOf.Alice);
    assert.equal(won.attempts, 2);
    await stopAndReveal(challenge);
    await shots('challenge');

    // [SECTION] quiz: two questions, the host moves on -------------------------------------------------
    step('quiz: two questions, the host moves on');
    const quiz = await start('quiz');
    await clickItem(alice.page, 'choice-1');
    await clickItem(bruno.page, 'choice-1');
    await clickItem(chloe.page, 'choice-0');
    await eventually(async () => (await figuresOnKiosk(quiz)).answered[0] === 3, { what: 'three answers to question 1' });
    await shots('quiz-q1');
    await clickReached(host.page, `next-${quiz}`, editorArea);
    await eventually(async () => (await appState(alice.page)).activities.find((a) => a.id === quiz).current_question === 1, { what: 'question 2' });
    await clickItem(alice.page, 'choice-1');
    await clickItem(bruno.page, 'choice-0');
    await clickItem(chloe.page, 'choice-1');
    await eventually(async () => (await figuresOnKiosk(quiz)).answered[1] === 3, { what: 'three answers to question 2' });
    await stopAndReveal(quiz);
    const quizFigures = await figuresOnKiosk(quiz);
    assert.equal(quizFigures.leaderboard[0].who, idOf.Alice, 'Alice answered both right');
    assert.equal(quizFigures.leaderboard[0].correct, 2);
    assert.deepEqual(quizFigures.correct, [2, 2]);
    await shots('quiz');

    // [SECTION] survey: Alice reloads her phone half-way and carries on ------------------------------------
    step('survey');
    const survey = await start('survey');
    await clickReached(alice.page, 'q0-c0');
    await eventually(async () => (await questionFigures(survey))[0].respondents === 1, { what: 'Alice’s first answer' });
    await alice.page.reload();
    await waitReady(alice.page);
    await eventually(async () => (await appInfo(alice.page)).you === idOf.Alice && (await appInfo(alice.page)).connected,
      { what: 'Alice back as herself after a reload' });
    await eventually(async () => (await appState(alice.page)).current_activity === survey, { what: 'Alice back on the survey' });
    // Each person looks for the "sent" feedback of their own answer before moving on, as people do.
    const answeredBy = async (person, name, q) => (await appState(person.page)).activities.find((a) => a.id === survey)
      .questions[q].answers.some((x) => x.by === idOf[name]);
    async function answer(person, name, q, picks, { text } = {}) {
      // A picked choice shows a ticked circle (U+F058) in its label: tap again if the tap was lost.
      const ticked = async (key) => (await reachItem(person.page, key)).label.startsWith('\uf058');
      for (const key of picks) {
        for (let tries = 0; tries < 3 && !(await ticked(key)); tries++) {
          await clickReached(person.page, key);
          await person.page.waitForTimeout(200);
        }
      }
      if (text !== undefined) await fillField(person.page, `q${q}-text`, text);
      if (picks.length > 1 || text !== undefined || q === 1) {
        await clickReached(person.page, `q${q}-send`);
        // A send that landed while the list moved is sent again (the last answer counts anyway).
        if (!(await eventually(() => answeredBy(person, name, q), { timeout: 4000 }).catch(() => false)))
          await clickReached(person.page, `q${q}-send`);
      }
      await eventually(() => answeredBy(person, name, q), { what: `${name}’s answer to question ${q + 1}` });
    }
    await answer(alice, 'Alice', 1, ['q1-c0', 'q1-c1']);
    await answer(alice, 'Alice', 2, [], { text: 'Plus de rencontres' });
    await answer(bruno, 'Bruno', 0, ['q0-c1']);
    await answer(bruno, 'Bruno', 1, ['q1-c1']);
    await answer(bruno, 'Bruno', 2, [], { text: 'Un outil commun' });
    await answer(chloe, 'Chloé', 0, ['q0-c0']);
    await answer(chloe, 'Chloé', 1, ['q1-c2']);
    let seen;
    const surveyFigures = await eventually(async () => {
      const f = seen = await questionFigures(survey);
      return f[0].respondents === 3 && f[1].respondents === 3 && f[2].respondents === 2 ? f : null;
    }, { what: 'every survey answer on the kiosk' }).catch(async (e) => {
      for (const [n, p] of Object.entries({ alice, bruno, chloe, host, kiosk })) await screenshot(p.page, `failure-survey-${n}`);
      throw new Error(`${e.message}; figures: ${JSON.stringify(seen)}`);
    });
    assert.deepEqual(surveyFigures[0].counts, [2, 1]);
    assert.deepEqual(surveyFigures[1].counts, [1, 2, 1]);
    await stopAndReveal(survey);
    await shots('survey');

    // [SECTION] brainstorm: one word each; the host reloads mid-activity and moderates -------------------
    step('brainstorm');
    const brainstorm = await start('brainstorm');
    for (const [person, word] of [[alice, 'Intense'], [bruno, 'intense'], [chloe, 'Sobriété']]) {
      await typeInto(person.page, 'idea', word);
      await clickItem(person.page, 'post-idea');
    }
    await eventually(async () => (await figuresOnKiosk(brainstorm)).ideas === 3, { what: 'three ideas' });
    await host.page.reload();
    await waitReady(host.page);
    await eventually(async () => (await appInfo(host.page)).connected && (await appState(host.page)).last_seq > 0, { what: 'the host back' });
    const hostAfterReload = await appInfo(host.page);
    assert.equal(hostAfterReload.you, hostInfo.you, 'the host is the same member after a reload');
    assert.equal(hostAfterReload.room, hostInfo.room);
    const ideas = (await activities(host.page)).find((a) => a.id === brainstorm).ideas;
    assert.equal(ideas.length, 3, 'nothing lost by the host’s reload');
    const sobriete = ideas.find((i) => i.text === 'Sobriété');
    // The reloaded console may show the running brainstorm already: its row then has no select button.
    await reachItem(host.page, `stop-${brainstorm}`, editorArea);
    if (await findItem(host.page, `select-${brainstorm}`, { timeout: 500 }).catch(() => null))
      await clickReached(host.page, `select-${brainstorm}`, editorArea);
    await clickReached(host.page, `mod-hide-${sobriete.id}`, resultsArea);
    await eventually(async () => (await appState(kiosk.page)).activities.find((a) => a.id === brainstorm).ideas
      .find((i) => i.id === sobriete.id)?.hidden !== false, { what: 'the hidden idea on the kiosk' });
    const cloud = (await figuresOnKiosk(brainstorm)).words;
    assert.equal(cloud[0][0].toLowerCase(), 'intense', 'the word cloud groups words ignoring case');
    assert.equal(cloud[0][1], 2);
    await stopAndReveal(brainstorm);
    await shots('brainstorm');

    // [SECTION] board: post-its in two zones, a like ------------------------------------------------------
    step('board');
    const board = await start('board');
    await clickReached(alice.page, 'category-1');
    await fillField(alice.page, 'idea', 'Des fiches pratiques');
    await clickReached(alice.page, 'post-idea');
    await clickReached(bruno.page, 'category-0');
    await fillField(bruno.page, 'idea', 'Des webinaires entre pairs');
    await clickReached(bruno.page, 'post-idea');
    const boardIdeas = await eventually(async () => {
      const a = (await appState(chloe.page)).activities.find((x) => x.id === board);
      return a.ideas.length === 2 ? a.ideas : null;
    }, { what: 'two post-its' });
    await clickReached(chloe.page, `like-${boardIdeas[0].id}`);
    await eventually(async () => (await figuresOnKiosk(board)).categories.map((c) => c.ideas).join() === '1,1', { what: 'one post-it per zone' });
    await stopAndReveal(board);
    await shots('board');

    // [SECTION] rating: 5, 4 and 3 stars ------------------------------------------------------------------
    step('rating: 5, 4 and 3 stars');
    const ratingId = await start('rating');
    await clickReached(alice.page, 'star-5');
    await clickReached(bruno.page, 'star-4');
    await clickReached(chloe.page, 'star-3');
    const ratingFigures = await eventually(async () => { const f = await figuresOnKiosk(ratingId); return f.votes === 3 ? f : null; }, { what: 'three votes' });
    assert.equal(ratingFigures.average, 4);
    await stopAndReveal(ratingId);
    await shots('rating');

    // [SECTION] Q&A: a question, an upvote, answered -----------------------------------------------------
    step('Q&A: a question, an upvote, answered');
    const qnaId = await start('qna');
    await typeInto(chloe.page, 'question', 'Quand aura lieu le prochain café ?');
    await clickItem(chloe.page, 'ask');
    const question = await eventually(async () => (await appState(alice.page)).activities.find((a) => a.id === qnaId).questions[0], { what: 'the question' });
    await clickReached(alice.page, `upvote-${question.id}`);
    await clickReached(bruno.page, `upvote-${question.id}`);
    await eventually(async () => (await figuresOnKiosk(qnaId)).questions === 1, { what: 'the question on the kiosk' });
    await clickReached(host.page, `mod-answered-${question.id}`, resultsArea);
    await eventually(async () => (await figuresOnKiosk(qnaId)).answered === 1, { what: 'the question answered' });
    await shots('qna');
    await clickReached(host.page, `stop-${qnaId}`, editorArea);

    // [SECTION] presentation: the host turns the page ------------------------------------------------------
    step('presentation: the host turns the page');
    const presentation = await start('presentation');
    await clickReached(host.page, `next-page-${presentation}`, editorArea);
    await eventually(async () => (await appState(kiosk.page)).activities.find((a) => a.id === presentation).page === 1, { what: 'page 2 on the kiosk' });
    await shots('presentation');

    // [SECTION] the report -----------------------------------------------------------------------------------
    step('the report');
    const reportJson = JSON.parse((await downloadVia(host.page, 'report-json', editorArea)).text);
    const reportText = JSON.stringify(reportJson);
    for (const title of Object.values(activityTitles)) assert.ok(reportText.includes(title), `the report holds “${title}”`);
    assert.ok(reportText.includes('Alice'), 'the challenge winner is named');
    assert.ok(reportText.includes('Plus de rencontres'), 'open answers are in the report');
    assert.ok(!reportText.includes('Sobriété') || reportText.includes('hidden'), 'the hidden idea is marked or left out');
    const html = (await downloadVia(host.page, 'report-html', editorArea)).text;
    assert.ok(html.includes('Café TMNlab — stratégie numérique 2023') && html.includes('Anne Le Gall'), 'the HTML report has the session’s cover');
    assert.ok(!/(src|href)="https?:/.test(html), 'the HTML report makes no external request');

    for (const who of [host, kiosk, alice, bruno, chloe]) assert.deepEqual(who.errors, []);
  } finally {
    await browser.close();
    await relay.stop();
  }
});
