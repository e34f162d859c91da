// The HTML report's style sheet: one self-contained page, readable on a phone (a narrow layout under
// 640 px), printable on A4 with sensible page breaks.
#include "report/html_style.hpp"

namespace palabre::report {
namespace {

constexpr std::string_view kStyle = R"CSS(
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#4f46e5;--accent-soft:#eef2ff;--bg:#f4f5fa;--card:#fff;--good:#16a34a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:880px;margin:0 auto;padding:28px 18px 56px}
h1,h2,h3,h4{line-height:1.25;margin:0}
p{margin:.4em 0}
a{color:var(--accent);text-decoration:none}
.cover{background:linear-gradient(135deg,#3730a3 0%,#6d28d9 60%,#9333ea 100%);color:#fff;border-radius:20px;padding:34px 30px 28px;box-shadow:0 10px 30px rgba(76,29,149,.25)}
.cover .kicker{text-transform:uppercase;letter-spacing:.09em;font-size:12.5px;font-weight:600;opacity:.85;margin:0}
.cover h1{font-size:clamp(23px,4.6vw,34px);margin:10px 0 14px;overflow-wrap:anywhere}
.cover .meta{display:flex;flex-wrap:wrap;gap:6px 22px;font-size:15px;margin:0}
.cover .meta b{font-weight:650}
.cover .totals{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:22px 0 0}
.cover .totals li{background:rgba(255,255,255,.14);border:1px solid rgba(255,255,255,.22);border-radius:12px;padding:8px 14px;font-size:14px}
.cover .totals b{display:block;font-size:22px;line-height:1.1}
nav.toc,section.card,article.card{background:var(--card);border:1px solid var(--line);border-radius:16px;padding:22px 24px;margin:18px 0;box-shadow:0 1px 3px rgba(15,23,42,.05)}
nav.toc h2{font-size:15px;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);margin-bottom:8px}
nav.toc ol{margin:0;padding-left:1.2em}
nav.toc ol ol{list-style:none;padding-left:.6em;font-size:14.5px}
nav.toc li{margin:3px 0}
h2.section{font-size:24px;margin:34px 4px 6px;display:flex;align-items:center;gap:10px}
h2.section::before{content:"";width:6px;height:24px;border-radius:3px;background:var(--accent)}
.card h2{font-size:22px;margin-bottom:6px}
.date{color:var(--muted);margin:0}
.prose p{margin:.6em 0}
.prose ul{margin:.4em 0;padding-left:1.3em}
ol.summary{list-style:none;margin:0;padding:0}
ol.summary li{border-top:1px solid var(--line)}
ol.summary li:first-child{border-top:0}
ol.summary a{display:grid;grid-template-columns:auto 1fr auto;gap:4px 14px;align-items:center;padding:11px 2px;color:var(--ink)}
ol.summary .n{width:28px;height:28px;border-radius:50%;background:var(--accent-soft);color:var(--accent);display:grid;place-items:center;font-weight:700;font-size:14px}
ol.summary .t{font-weight:550;overflow-wrap:anywhere}
ol.summary .k{display:block;font-size:12.5px;color:var(--muted);font-weight:400;text-transform:uppercase;letter-spacing:.05em}
ol.summary .f{font-weight:700;color:var(--accent);white-space:nowrap;text-align:right}
.kind{display:inline-block;font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.07em;color:var(--accent);background:var(--accent-soft);border-radius:999px;padding:3px 10px;margin:0 6px 8px 0}
.kind.anon{color:#92400e;background:#fef3c7}
article.activity h3{font-size:21px;overflow-wrap:anywhere}
.participation{display:flex;align-items:center;gap:10px;flex-wrap:wrap;color:var(--muted);font-size:14px;margin:10px 0 4px}
.meter{flex:0 0 120px;height:8px;border-radius:4px;background:#eceef3;overflow:hidden}
.meter i{display:block;height:100%;background:var(--accent);border-radius:4px}
ul.figures{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:14px 0}
ul.figures li{background:#f8fafc;border:1px solid var(--line);border-radius:12px;padding:8px 14px;font-size:14px;color:var(--muted)}
ul.figures b{color:var(--ink);font-size:19px;margin-right:4px}
ul.stats b{margin:0 0 0 6px}
.instructions{background:#f8fafc;border-left:4px solid #c7d2fe;border-radius:6px;padding:8px 14px;margin:12px 0;color:#374151}
.hint{color:var(--muted);font-style:italic}
.question{border-top:1px solid var(--line);padding-top:16px;margin-top:18px}
.qnum{font-size:13px;font-weight:700;color:var(--accent);text-transform:uppercase;letter-spacing:.06em;margin:0}
.question h4{font-size:17.5px;margin:4px 0 2px;overflow-wrap:anywhere}
.qkind{font-size:13.5px;color:var(--muted);margin:0 0 6px}
svg.chart{display:block;margin:10px 0 4px;overflow:visible;font-family:inherit}
svg.chart.narrow{display:none}
svg.podium{display:block;width:100%;max-width:420px;margin:8px auto;font-family:inherit}
svg.board{display:block;width:100%;height:auto;border:1px solid var(--line);border-radius:10px;margin:10px 0;font-family:inherit}
.challenge-answer{font-size:30px;font-weight:800;text-align:center;margin:18px 0 4px;letter-spacing:.02em}
.winner{text-align:center;font-size:17px;margin:0 0 8px}
.challenge .figures{justify-content:center}
.average{display:flex;align-items:center;gap:16px;margin:12px 0}
.average div{display:flex;flex-direction:column-reverse}
.average .big{font-size:44px;font-weight:800;line-height:1;color:var(--accent)}
.average .stars{color:#f59e0b;font-size:20px;letter-spacing:2px}
.average .stars s{color:#d1d5db;text-decoration:none}
.average small{display:block;color:var(--muted);font-size:14px}
ul.answers{list-style:none;padding:0;margin:10px 0;display:grid;gap:10px}
ul.answers li{background:#f8fafc;border:1px solid var(--line);border-radius:12px;padding:10px 14px}
ul.answers .who{font-weight:650;font-size:14px;color:var(--accent);margin:0}
ul.answers .who.anon{color:var(--muted);font-style:italic;font-weight:400}
ul.answers .what{margin:2px 0 0;white-space:pre-line;overflow-wrap:anywhere}
ul.answers time{color:var(--muted);font-size:13px;margin-left:8px;font-weight:400}
h4.group{font-size:16px;margin:18px 0 6px;display:flex;gap:8px;align-items:baseline}
h4.group small{color:var(--muted);font-weight:400;font-size:13.5px}
ul.ideas{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px}
ul.ideas li{background:#fffbeb;border:1px solid #fde68a;border-radius:10px;padding:8px 11px;font-size:14.5px;display:flex;flex-direction:column;gap:4px}
ul.ideas .txt{overflow-wrap:anywhere}
ul.ideas .by{font-size:12.5px;color:var(--muted);display:flex;justify-content:space-between;gap:6px}
ul.ideas .likes{color:#be185d;font-weight:700;white-space:nowrap}
.cloud{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:baseline;justify-content:center;padding:16px;background:#f8fafc;border-radius:12px;margin:10px 0}
.cloud span{line-height:1.15;font-weight:650}
table{width:100%;border-collapse:collapse;font-size:14.5px;margin:8px 0}
th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line)}
th{font-size:12.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
ol.qna{list-style:none;padding:0;margin:10px 0;display:grid;gap:10px}
ol.qna li{display:grid;grid-template-columns:56px 1fr;gap:12px;align-items:start;border:1px solid var(--line);border-radius:12px;padding:10px 12px}
ol.qna .votes{text-align:center;background:var(--accent-soft);color:var(--accent);border-radius:10px;padding:6px 0;font-weight:800;font-size:18px;line-height:1.1}
ol.qna .votes small{display:block;font-size:11px;font-weight:600}
.state{font-size:12px;font-weight:700;border-radius:999px;padding:2px 8px;margin-left:6px;white-space:nowrap}
.state.done{background:#dcfce7;color:#166534}
.state.open{background:#f1f5f9;color:var(--muted)}
article.page{border:1px solid var(--line);border-radius:12px;padding:14px 18px;margin:12px 0;background:#fcfcfe}
article.page h4{font-size:17px;margin:2px 0 6px}
article.page img{max-width:100%;height:auto;border-radius:8px;margin-top:8px}
ol.messages{list-style:none;padding:0;margin:12px 0;display:grid;gap:10px}
ol.messages li{border:1px solid var(--line);border-radius:14px;padding:10px 14px;background:#fff}
ol.messages .head{display:flex;flex-wrap:wrap;gap:2px 10px;align-items:baseline;margin:0}
ol.messages .head b{color:var(--accent)}
ol.messages time{color:var(--muted);font-size:13px}
ol.messages .body{margin:3px 0 0;white-space:pre-line;overflow-wrap:anywhere}
.empty{color:var(--muted);font-style:italic}
footer{text-align:center;color:var(--muted);font-size:13px;margin-top:30px}
@media (max-width:600px){
 main{padding:12px 10px 40px}
 .cover{padding:24px 18px 20px;border-radius:16px}
 nav.toc,section.card,article.card{padding:16px 15px;border-radius:14px}
 .challenge-answer{font-size:25px}
 ol.summary a{grid-template-columns:auto 1fr}
 ol.summary .f{grid-column:2;text-align:left}
 ul.ideas{grid-template-columns:1fr}
 svg.chart.wide{display:none}
 svg.chart.narrow{display:block}
}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{background:#fff;font-size:11pt}
 main{max-width:none;padding:0}
 .cover{box-shadow:none}
 nav.toc,section.card,article.card{box-shadow:none;border-color:#d1d5db}
 h2.section{break-before:page;margin-top:0}
 h2,h3,h4,.qnum,.qkind{break-after:avoid}
 .question,svg,ul.figures,ul.answers li,ul.ideas li,ol.qna li,ol.messages li,article.page,table tr,.average,.participation{break-inside:avoid}
 a{color:inherit}
}
)CSS";

}  // namespace

std::string_view html_style() { return kStyle; }

}  // namespace palabre::report
