import Vocabulary

/// The pages' Mustache templates, compiled into the binary (like the schemas) so that `tuki serve`
/// needs no files beside it. Mustache escapes every `{{value}}` for HTML; none of these uses the
/// unescaped form. Every page is the layout with its own `body`.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "message": message, "signin": signIn, "code": code, "enrolment": enrolment, "recoveryCodes": recoveryCodes,
        "password": password, "groups": groups, "group": group,
        "sheet": sheet, "printedSheet": printedSheet, "report": report, "overview": overview, "reports": reports, "lists": lists, "record": record, "people": people, "person": person, "audit": audit,
        // Partials, which the pages include.
        "esrForm": esrForm, "field": field, "recordField": recordField, "fileFormat": fileFormat, "activityNames": activityNames,
        "entry": entry, "personForm": personForm, "voidForm": voidForm, "costs": costs,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} – Tuki</title>
        <link rel="stylesheet" href="/static/tuki.css">
        </head>
        <body>
        <header>
        <a class="brand" href="/">Tuki</a>
        {{#user}}<span class="who">{{user}}</span>
        <form method="post" action="/signout" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">{{t.signOut}}</button></form>{{/user}}
        </header>
        <main>
        <h1>{{title}}</h1>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#problem}}<p class="problem" role="alert">{{problem}}</p>{{/problem}}
        {{$body}}{{/body}}
        </main>
        <footer>
        {{#csrf}}<form method="post" action="/language" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="to" value="{{otherLang}}"><button type="submit" class="link">{{t.otherLanguage}}</button></form>{{/csrf}}
        {{#user}}<a href="/password">{{t.changePassword}}</a> <a href="/second-factor">{{t.secondFactor}}</a>{{/user}}
        </footer>
        </body>
        </html>
        """

    static let message = """
        {{<layout}}{{$body}}<p>{{text}}</p><p><a href="/">{{t.home}}</a></p>{{/body}}{{/layout}}
        """

    static let signIn = """
        {{<layout}}{{$body}}
        <form method="post" action="/signin" class="stack">
        <label>{{t.user}}<input name="user" autocomplete="username" autocapitalize="none" required></label>
        <label>{{t.password}}<input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">{{t.signIn}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let code = """
        {{<layout}}{{$body}}
        <form method="post" action="/signin/code" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.code}}<input name="code" autocomplete="one-time-code" autocapitalize="none" required></label>
        <p class="help">{{t.codeHelp}}</p>
        <button type="submit">{{t.signIn}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let enrolment = """
        {{<layout}}{{$body}}
        {{#required}}<p>{{t.enrolRequired}}</p>{{/required}}
        <p>{{t.enrolIntro}}</p>
        <p><a href="{{address}}">{{t.openInApp}}</a></p>
        <p>{{t.secretToType}}: <code class="secret">{{secret}}</code></p>
        <form method="post" action="/second-factor" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.code}}<input name="code" inputmode="numeric" autocomplete="one-time-code" required></label>
        <button type="submit">{{t.confirmCode}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let recoveryCodes = """
        {{<layout}}{{$body}}
        <p>{{t.recoveryIntro}}</p>
        <ol class="codes">{{#codes}}<li><code>{{.}}</code></li>{{/codes}}</ol>
        <p><a href="{{next}}">{{t.continueOn}}</a></p>
        {{/body}}{{/layout}}
        """

    static let password = """
        {{<layout}}{{$body}}
        {{#mustChange}}<p>{{t.mustSetPassword}}</p>{{/mustChange}}
        <form method="post" action="/password" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{^mustChange}}<label>{{t.currentPassword}}<input name="current" type="password" autocomplete="current-password" required></label>{{/mustChange}}
        <label>{{t.newPassword}}<input name="password" type="password" autocomplete="new-password" minlength="12" required></label>
        <label>{{t.repeatPassword}}<input name="repeat" type="password" autocomplete="new-password" minlength="12" required></label>
        <button type="submit">{{t.setPassword}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let groups = """
        {{<layout}}{{$body}}
        <ul class="cards">
        {{#groups}}<li><a href="/groups/{{activity}}"><strong>{{name}}</strong></a> <span class="muted">{{municipality}} · {{t.enrolled}} {{enrolled}}</span><br>
        {{#next}}{{t.nextSession}}: <a class="button" href="/groups/{{activity}}/sessions/{{session}}">{{date}} – {{t.attendanceSheet}}</a>{{/next}}
        {{^next}}<span class="muted">{{t.noNextSession}}</span>{{/next}}</li>
        {{/groups}}
        </ul>
        {{/body}}{{/layout}}
        """

    static let group = """
        {{<layout}}{{$body}}
        <h2>{{t.sessions}}</h2>
        <ul class="sessions">
        {{#sessions}}<li><a href="/groups/{{activity}}/sessions/{{session}}"><strong>{{when}}</strong>
        <span class="muted">{{#location}}{{location}} · {{/location}}{{status}}{{#headcount}} · {{t.headcount}} {{headcount}}{{/headcount}}</span>
        {{#missing}}<span class="warn">{{t.marksMissing}}</span>{{/missing}}</a>
        {{#eventId}}{{> voidForm}}{{/eventId}}</li>
        {{/sessions}}
        </ul>
        {{^sessions}}<p class="muted">{{t.noNextSession}}</p>{{/sessions}}
        {{#next}}<form method="post" action="/groups/{{activity}}/sessions" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        <input type="hidden" name="date" value="{{date}}"><input type="hidden" name="startTime" value="{{startTime}}">
        <input type="hidden" name="durationMinutes" value="{{durationMinutes}}"><input type="hidden" name="location" value="{{location}}">
        <button type="submit">{{t.scheduleNext}}: {{shown}}</button>
        </form>{{/next}}
        <details{{^next}} open{{/next}}><summary>{{t.scheduleSessions}}</summary>
        <form method="post" action="/groups/{{activity}}/sessions" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        <fieldset class="choices"><legend>{{t.howOften}}</legend>
        <label class="check"><input type="radio" name="repeat" value="once" checked> {{t.repeatOnce}}</label>
        <label class="check"><input type="radio" name="repeat" value="weekly"> {{t.repeatWeekly}}</label>
        <label class="check"><input type="radio" name="repeat" value="fortnightly"> {{t.repeatFortnightly}}</label>
        <label class="check"><input type="radio" name="repeat" value="days"> {{t.repeatDays}}</label>
        </fieldset>
        <label>{{t.firstDay}}<input name="date" placeholder="7.12.2026" pattern="[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}" autocomplete="off" value="{{first}}"></label>
        <label>{{t.times}}<input name="times" type="number" inputmode="numeric" min="1" max="52" value="1"></label>
        <label>{{t.listedDays}}<textarea name="days" rows="3" placeholder="7.12.2026&#10;14.12.2026"></textarea></label>
        <label>{{t.startTime}}<input name="startTime" type="time" value="{{startTime}}"></label>
        <label>{{t.durationMinutes}}<input name="durationMinutes" type="number" inputmode="numeric" min="1" max="1440" value="{{durationMinutes}}" required></label>
        <label>{{t.location}} <span class="muted">({{t.optional}})</span><input name="location" maxlength="500" value="{{location}}"></label>
        <button type="submit">{{t.schedule}}</button>
        </form></details>
        <nav class="links"><a href="/groups/{{activity}}/fit">{{t.fitReport}}</a> · <a href="/groups/{{activity}}/feedback">{{t.feedback}}</a></nav>
        <h2>{{t.roster}}</h2>
        <ul>{{#people}}<li>{{name}}</li>{{/people}}</ul>
        {{^people}}<p class="muted">{{t.nobodyEnrolled}}</p>{{/people}}
        {{/body}}{{/layout}}
        """

    static let sheet = """
        {{<layout}}{{$body}}
        <p><strong>{{when}}</strong>{{#location}} · {{location}}{{/location}} · {{statusText}}</p>
        <p><a href="/groups/{{activity}}">{{t.backToGroup}}</a> · <a href="/groups/{{activity}}/sessions/{{session}}/print">{{t.printList}}</a></p>
        {{#open}}<form method="post" action="/groups/{{activity}}/sessions/{{session}}" class="sheet">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        {{#hasPeople}}<p class="muted">{{t.sheetHelp}}</p>{{/hasPeople}}
        {{#people}}<fieldset class="person"><legend>{{name}}</legend>
        <label class="mark"><input type="radio" name="mark.{{participant}}" value="present"{{#present}} checked{{/present}}> {{t.present}}</label>
        <label class="mark"><input type="radio" name="mark.{{participant}}" value="absent"{{#absent}} checked{{/absent}}> {{t.absent}}</label>
        <label class="mark"><input type="radio" name="mark.{{participant}}" value="excused"{{#excused}} checked{{/excused}}> {{t.excused}}</label>
        </fieldset>
        {{/people}}
        {{^people}}<p class="muted">{{t.nobodyEnrolled}}</p>{{/people}}
        {{#needsHeld}}<fieldset class="held"><legend>{{t.markSessionHeld}}</legend>
        <label>{{t.durationMinutes}}<input name="durationMinutes" type="number" inputmode="numeric" min="1" max="1440" value="{{durationMinutes}}" required></label>
        <label>{{t.location}}<input name="location" value="{{location}}" maxlength="500" required></label>
        <label>{{t.format}}<select name="format"><option value="in-person">{{t.inPerson}}</option><option value="remote">{{t.remote}}</option><option value="hybrid">{{t.hybrid}}</option></select></label>
        <label>{{t.headcount}} <span class="muted">({{t.optional}})</span><input name="headcount" type="number" inputmode="numeric" min="0" max="100000"></label>
        </fieldset>{{/needsHeld}}
        <button type="submit" name="rest" value="present" class="primary">{{t.othersPresent}}</button>
        <button type="submit" name="rest" value="none" class="plain">{{t.saveOnlyMarked}}</button>
        </form>{{/open}}
        {{#hasMarked}}<details class="card"><summary><h2>{{t.correctMarks}}</h2></summary>
        <ul class="entries">{{#marked}}<li class="entry">{{voidWhat}}{{> voidForm}}</li>{{/marked}}</ul>
        </details>{{/hasMarked}}
        {{#held}}{{#hasPresent}}
        <details class="card"{{#fitOpen}} open{{/fitOpen}}><summary><h2>{{t.fitForPresent}}</h2></summary>
        <form method="post" action="/groups/{{activity}}/sessions/{{session}}/fit" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        <label>{{t.person}}<select name="participant" required><option value="">{{t.choose}}</option>{{#presentPeople}}<option value="{{participant}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/presentPeople}}</select></label>
        {{#fitFields}}{{> recordField}}{{/fitFields}}
        <button type="submit">{{t.record}}</button>
        </form></details>
        <details class="card"{{#feedbackOpen}} open{{/feedbackOpen}}><summary><h2>{{t.feedbackForPresent}}</h2></summary>
        <form method="post" action="/groups/{{activity}}/sessions/{{session}}/feedback" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        <label>{{t.person}}<select name="participant"><option value="">{{t.anonymous}}</option>{{#presentPeople}}<option value="{{participant}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/presentPeople}}</select></label>
        {{#feedbackFields}}{{> recordField}}{{/feedbackFields}}
        <button type="submit">{{t.record}}</button>
        </form></details>
        {{/hasPresent}}{{/held}}
        {{#canCancel}}<details class="card"><summary><h2>{{t.cancelSession}}</h2></summary>
        <form method="post" action="/groups/{{activity}}/sessions/{{session}}/cancel" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        <label>{{t.cancelReason}}<input name="reason" maxlength="500" required></label>
        <label class="check"><input type="checkbox" name="confirm" value="on" required> {{t.cancelConfirm}}</label>
        <button type="submit" class="secondary">{{t.cancelSession}}</button>
        </form></details>{{/canCancel}}
        {{/body}}{{/layout}}
        """

    /// The attendance list for paper: the layout's header, footer and links are not printed.
    static let printedSheet = """
        {{<layout}}{{$body}}
        <p class="no-print"><a href="/groups/{{activity}}/sessions/{{session}}">{{t.backToSheet}}</a> · {{t.printHelp}}</p>
        <dl class="paper-facts"><dt>{{t.date}}</dt><dd>{{when}}</dd><dt>{{t.location}}</dt><dd>{{location}}</dd></dl>
        <table class="paper"><thead><tr><th>#</th><th>{{t.name}}</th><th>{{t.signature}}</th></tr></thead><tbody>
        {{#people}}<tr><td>{{number}}</td><td>{{name}}</td><td class="line"></td></tr>
        {{/people}}{{#blankRows}}<tr><td>{{number}}</td><td class="line"></td><td class="line"></td></tr>
        {{/blankRows}}</tbody></table>
        <p class="signature-line">{{t.facilitatorSignature}}</p>
        {{/body}}{{/layout}}
        """

    /// A project's costs and staff time, each entry with its void (`CostsController`).
    static let costs = """
        {{<layout}}{{$body}}
        <form method="get" action="/costs" class="stack">
        <label>{{t.project}}<select name="project" required><option value="">{{t.choose}}</option>{{#projects}}<option value="{{project}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/projects}}</select></label>
        <button type="submit">{{t.show}}</button>
        </form>
        {{#shown}}<h2>{{t.costsHeading}}</h2>
        <ul class="entries">{{#costs}}<li class="entry">{{voidWhat}}{{> voidForm}}</li>{{/costs}}</ul>
        {{^costs}}<p class="muted">{{t.nothingYet}}</p>{{/costs}}
        <h2>{{t.staffTimeHeading}}</h2>
        <ul class="entries">{{#staffTime}}<li class="entry">{{voidWhat}}{{> voidForm}}</li>{{/staffTime}}</ul>
        {{^staffTime}}<p class="muted">{{t.nothingYet}}</p>{{/staffTime}}{{/shown}}
        {{/body}}{{/layout}}
        """

    /// A report inside the site's layout, for a phone (`PhoneReport`).
    static let report = """
        {{<layout}}{{$body}}
        <p class="no-print"><a href="/groups/{{activity}}">{{t.backToGroup}}</a> · <a href="?print=1">{{t.printable}}</a></p>
        <dl class="paper-facts">{{#parameters}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/parameters}}</dl>
        {{#tables}}<h2>{{title}}</h2>
        {{#rows}}<section class="card report-card"><dl>{{#cells}}<dt>{{header}}</dt><dd>{{value}}</dd>{{/cells}}</dl></section>
        {{/rows}}{{#empty}}<p class="muted">{{t.nothingYet}}</p>{{/empty}}
        {{/tables}}
        <p class="muted small">{{footer}}</p>
        {{/body}}{{/layout}}
        """

    static let overview = """
        {{<layout}}{{$body}}
        <nav class="links"><a href="/groups">{{t.groups}}</a> · <a href="/lists">{{t.lists}}</a> · <a href="/reports">{{t.reports}}</a> · <a href="/record">{{t.record}}</a> · <a href="/people">{{t.people}}</a> · <a href="/costs">{{t.costsTitle}}</a></nav>
        <h2>{{t.sessionsThisWeek}}</h2>
        <table><thead><tr><th>{{t.date}}</th><th>{{t.group}}</th><th>{{t.status}}</th><th></th></tr></thead><tbody>
        {{#week}}<tr><td>{{date}}</td><td>{{name}}</td><td>{{status}}</td><td><a href="/groups/{{activity}}/sessions/{{session}}">{{t.open}}</a></td></tr>
        {{/week}}
        </tbody></table>
        {{#hasMissingMarks}}<h2>{{t.sessionsMissingMarks}}</h2>
        <table><thead><tr><th>{{t.date}}</th><th>{{t.group}}</th><th></th></tr></thead><tbody>
        {{#missingMarks}}<tr><td>{{date}}</td><td>{{name}}</td><td><a href="/groups/{{activity}}/sessions/{{session}}">{{t.open}}</a></td></tr>
        {{/missingMarks}}
        </tbody></table>{{/hasMissingMarks}}
        <h2>{{t.activities}}</h2>
        <table><thead><tr><th>{{t.group}}</th><th>{{t.enrolled}}</th><th>{{t.nextSession}}</th></tr></thead><tbody>
        {{#groups}}<tr><td><a href="/groups/{{activity}}">{{name}}</a></td><td>{{enrolled}}</td><td>{{#next}}{{date}}{{/next}}</td></tr>
        {{/groups}}
        </tbody></table>
        <h2>{{t.openFeeItems}}</h2>
        <table><thead><tr><th>{{t.expertWord}}</th><th>{{t.engagement}}</th><th>{{t.status}}</th><th>{{t.since}}</th><th>{{t.days}}</th></tr></thead><tbody>
        {{#openItems}}<tr><td><a href="/people/{{handle}}">{{expert}}</a></td><td>{{kind}} {{day}}</td><td>{{item}}</td><td>{{since}}</td><td>{{ageDays}}</td></tr>
        {{/openItems}}
        </tbody></table>
        {{> esrForm}}
        {{/body}}{{/layout}}
        """

    static let esrForm = """
        <h2>{{t.esrReport}}</h2>
        <form method="get" action="/reports/esr" class="stack">
        <label>{{t.project}}<select name="project">{{#projects}}<option value="{{project}}">{{name}}</option>{{/projects}}</select></label>
        <label>{{t.from}}<input name="from" placeholder="7.12.2026" pattern="[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}" autocomplete="off" value="{{from}}" required></label>
        <label>{{t.to}}<input name="to" placeholder="7.12.2026" pattern="[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}" autocomplete="off" value="{{to}}" required></label>
        {{> fileFormat}}
        <button type="submit">{{t.download}}</button>
        </form>
        """

    /// One field of a report's or a list's form; `projects` and `activities` are the page's.
    static let field = """
        <label>{{label}}{{^required}} <span class="muted">({{t.optional}})</span>{{/required}}
        {{#isProject}}<select name="project"{{#required}} required{{/required}}>{{^required}}<option value="">{{t.anyChoice}}</option>{{/required}}{{#projects}}<option value="{{project}}">{{name}}</option>{{/projects}}</select>{{/isProject}}
        {{#isActivity}}<input name="activity" list="activity-names" autocomplete="off"{{#required}} required{{/required}}>{{/isActivity}}
        {{#isGroup}}<select name="group"><option value="">{{t.anyChoice}}</option>{{#groupsOfRespondents}}<option value="{{code}}">{{label}}</option>{{/groupsOfRespondents}}</select>{{/isGroup}}
        {{#isDay}}<input name="{{name}}" placeholder="7.12.2026" pattern="[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}" autocomplete="off" value="{{value}}"{{#required}} required{{/required}}>{{/isDay}}
        {{#isYear}}<input name="{{name}}" type="number" inputmode="numeric" min="2000" max="2100" value="{{value}}"{{#required}} required{{/required}}>{{/isYear}}
        {{#isText}}<input name="{{name}}" autocapitalize="none" pattern="[a-z0-9][a-z0-9\\-]*"{{#required}} required{{/required}}>{{/isText}}
        </label>
        """

    /// The activities an activity field offers, by their labels (`ActivityLabels`): one list a
    /// page, which the browser filters as a person types.
    static let activityNames = """
        <datalist id="activity-names">{{#activities}}<option value="{{label}}"></option>{{/activities}}</datalist>
        """

    /// A report's or a list's form: shown in the browser, or a spreadsheet's CSV.
    static let fileFormat = """
        <label>{{t.fileFormat}}<select name="format"><option value="html">HTML</option><option value="csv">CSV</option></select></label>
        """

    static let reports = """
        {{<layout}}{{$body}}
        {{#suppressed}}<p class="muted">{{t.suppressedNote}}</p>{{/suppressed}}
        {{#reports}}<section class="card"><h2>{{title}}</h2>
        {{#oneOf}}<p class="muted">{{t.oneOf}}</p>{{/oneOf}}
        {{#post}}<form method="post" action="/reports/{{report}}" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">{{/post}}
        {{^post}}<form method="get" action="/reports/{{report}}" class="stack">{{/post}}
        {{#fields}}{{> field}}{{/fields}}
        {{> fileFormat}}
        <button type="submit">{{t.show}}</button>
        </form>
        {{#payroll}}<details><summary>{{t.payrollView}}</summary>
        <p class="muted">{{t.payrollNote}} {{t.namesNote}}</p>
        <form method="post" action="/reports/payroll" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#fields}}{{> field}}{{/fields}}
        <label>{{t.purpose}}<input name="purpose" maxlength="500" required></label>
        <button type="submit">{{t.show}}</button>
        </form></details>{{/payroll}}
        </section>
        {{/reports}}
        {{> activityNames}}
        {{/body}}{{/layout}}
        """

    static let record = """
        {{<layout}}{{$body}}
        <p class="help">{{t.recordElsewhere}}{{#canImport}} <a href="/people">{{t.people}}</a>.{{/canImport}}</p>
        {{#canImport}}<details class="card"{{#importOpen}} open{{/importOpen}}><summary><h2>{{t.importTitle}}</h2></summary>
        {{#importOpen}}<ul class="problem">{{#importProblems}}<li>{{.}}</li>{{/importProblems}}</ul>{{/importOpen}}
        <p class="help">{{t.importHelp}}</p>
        <form method="post" action="/record/import" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        <label>{{t.importFile}}<input name="file" type="file" accept=".csv,text/csv" required></label>
        <button type="submit">{{t.importButton}}</button>
        </form></details>{{/canImport}}
        {{#forms}}<details class="card"{{#open}} open{{/open}}><summary><h2>{{title}}</h2></summary>
        <form method="post" action="/record/{{form}}" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        {{#fields}}{{> recordField}}{{/fields}}
        <button type="submit">{{t.record}}</button>
        </form></details>
        {{/forms}}
        {{> activityNames}}
        {{/body}}{{/layout}}
        """

    /// One field of a recording form, as `RecordingController.values(of:)` describes it.
    static let recordField = """
        {{#isChoices}}<fieldset class="choices"><legend>{{label}}</legend>{{#options}}<label class="check"><input type="checkbox" name="{{name}}" value="{{option}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/options}}</fieldset>{{/isChoices}}
        {{#isFlag}}<label class="check"><input type="checkbox" name="{{name}}" value="on"{{#checked}} checked{{/checked}}> {{label}}</label>{{/isFlag}}
        {{^isChoices}}{{^isFlag}}<label>{{label}}{{^required}} <span class="muted">({{t.optional}})</span>{{/required}}
        {{#isText}}<input name="{{name}}" value="{{value}}" maxlength="500"{{#required}} required{{/required}}>{{/isText}}
        {{#isLongText}}<textarea name="{{name}}" maxlength="8000" rows="5"{{#required}} required{{/required}}>{{value}}</textarea>{{/isLongText}}
        {{#isIdentifier}}<input name="{{name}}" value="{{value}}" autocapitalize="none" autocomplete="off"{{#required}} required{{/required}}>{{/isIdentifier}}
        {{#isDay}}<input name="{{name}}" placeholder="7.12.2026" pattern="[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}" autocomplete="off" value="{{value}}"{{#required}} required{{/required}}>{{/isDay}}
        {{#isDecimal}}<input name="{{name}}" inputmode="decimal" value="{{value}}"{{#required}} required{{/required}}>{{/isDecimal}}
        {{#isInteger}}<input name="{{name}}" type="number" inputmode="numeric" min="{{min}}" max="{{max}}" value="{{value}}"{{#required}} required{{/required}}>{{/isInteger}}
        {{#isChoice}}<select name="{{name}}"{{#required}} required{{/required}}>{{#emptyOption}}<option value=""{{#chooseFirst}} selected{{/chooseFirst}}>{{#required}}{{t.choose}}{{/required}}{{^required}}–{{/required}}</option>{{/emptyOption}}{{#options}}<option value="{{option}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/isChoice}}
        {{#isProject}}<select name="{{name}}"{{#required}} required{{/required}}>{{^required}}<option value="">–</option>{{/required}}{{#projects}}<option value="{{project}}">{{name}}</option>{{/projects}}</select>{{/isProject}}
        {{#isActivity}}<input name="{{name}}" value="{{chosenLabel}}" list="activity-names" autocomplete="off"{{#required}} required{{/required}}>{{/isActivity}}
        </label>{{/isFlag}}{{/isChoices}}
        {{#help}}<p class="help">{{help}}</p>{{/help}}
        """

    static let people = """
        {{<layout}}{{$body}}
        <form method="post" action="/people/search" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.searchName}}<input name="name" value="{{query}}" maxlength="500" autocomplete="off" required></label>
        <p class="help">{{t.searchHelp}}</p>
        <button type="submit">{{t.search}}</button>
        </form>
        {{#searched}}<h2>{{t.searchResults}}</h2>
        <ul class="sessions">{{#results}}<li><a href="/people/{{handle}}"><strong>{{name}}</strong>
        <span class="muted">{{birthYear}} · {{municipality}}</span></a></li>{{/results}}</ul>
        {{^results}}<p class="muted">{{t.noneFound}}</p>{{/results}}{{/searched}}
        {{/body}}{{/layout}}
        """

    /// One person's page (`PersonPage`).
    static let person = """
        {{<layout}}{{$body}}
        <p><a href="/people">{{t.backToSearch}}</a></p>
        <dl class="paper-facts">{{#facts}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/facts}}</dl>
        {{^erased}}<section class="card"><h2>{{t.details}}</h2>
        {{#opened}}<table><tbody>{{#fields}}<tr><td>{{field}}</td><td>{{value}}</td></tr>{{/fields}}</tbody></table>
        <details class="card"{{#correctOpen}} open{{/correctOpen}}><summary><h3>{{t.correctDetails}}</h3></summary>
        <form method="post" action="/people/{{handle}}/correct" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        {{#correction}}{{> recordField}}{{/correction}}
        <button type="submit">{{t.saveCorrection}}</button>
        </form></details>{{/opened}}
        {{^opened}}<p class="muted">{{t.namesNote}}</p>
        <form method="post" action="/people/{{handle}}/reveal" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.purpose}}<input name="purpose" maxlength="500" required></label>
        <button type="submit">{{t.showDetails}}</button>
        </form>{{/opened}}
        </section>{{/erased}}
        <h2>{{t.registrationHeading}}</h2>
        <ul class="entries">{{#registration}}{{> entry}}{{/registration}}</ul>
        <h2>{{t.enrolmentsHeading}}</h2>
        <ul class="entries">{{#enrolments}}{{> entry}}{{/enrolments}}</ul>
        {{^enrolments}}<p class="muted">{{t.nothingYet}}</p>{{/enrolments}}
        {{^erased}}{{#enrolmentForms}}{{> personForm}}{{/enrolmentForms}}{{/erased}}
        <h2>{{t.attendanceHeading}}</h2>
        <ul class="entries">{{#attendance}}{{> entry}}{{/attendance}}</ul>
        {{^attendance}}<p class="muted">{{t.nothingYet}}</p>{{/attendance}}
        <h2>{{t.consentsHeading}}</h2>
        <ul class="entries">{{#consents}}{{> entry}}{{/consents}}</ul>
        {{^consents}}<p class="muted">{{t.nothingYet}}</p>{{/consents}}
        {{^erased}}{{#consentForm}}{{> personForm}}{{/consentForm}}{{/erased}}
        <h2>{{t.evaluationHeading}}</h2>
        <ul class="entries">{{#evaluation}}{{> entry}}{{/evaluation}}</ul>
        {{^hasEvaluation}}<p class="muted">{{t.nothingYet}}</p>{{/hasEvaluation}}
        <h2>{{t.expertHeading}}</h2>
        <ul class="entries">{{#expertEntries}}{{> entry}}{{/expertEntries}}</ul>
        {{#isExpert}}
        {{#engagements}}<section class="card"><h3>{{title}}</h3>
        <ul class="entries">{{#entries}}{{> entry}}{{/entries}}</ul>
        {{#forms}}{{> personForm}}{{/forms}}
        </section>{{/engagements}}
        {{#engagementForm}}{{> personForm}}{{/engagementForm}}
        <details class="card"><summary><h3>{{t.payrollView}}</h3></summary>
        <p class="muted">{{t.payrollNote}} {{t.namesNote}}</p>
        <form method="post" action="/people/{{handle}}/payroll" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.year}}<input name="year" type="number" inputmode="numeric" min="2000" max="2100" value="{{year}}" required></label>
        <label>{{t.purpose}}<input name="purpose" maxlength="500" required></label>
        <button type="submit">{{t.show}}</button>
        </form></details>
        {{/isExpert}}
        {{^isExpert}}{{^erased}}{{#expertForm}}{{> personForm}}{{/expertForm}}{{/erased}}{{/isExpert}}
        <h2>{{t.accessLog}}</h2>
        <table><thead><tr><th>{{t.at}}</th><th></th><th>{{t.actor}}</th><th>{{t.purpose}}</th></tr></thead><tbody>
        {{#log}}<tr><td>{{at}}</td><td>{{what}}</td><td>{{actor}}</td><td>{{purpose}}</td></tr>{{/log}}
        </tbody></table>
        {{^erased}}<details class="card"><summary><h2>{{t.erasePerson}}</h2></summary>
        <form method="post" action="/people/{{handle}}/erase" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.eraseReason}}<input name="reason" maxlength="500" required></label>
        <label class="check"><input type="checkbox" name="confirm" value="on" required> {{t.eraseConfirm}}</label>
        <button type="submit" class="secondary">{{t.erasePerson}}</button>
        </form></details>{{/erased}}
        {{> activityNames}}
        {{/body}}{{/layout}}
        """

    /// A void beside the entry it voids: `voidWhat` names the entry, `voidAction` is the page's
    /// void, and `voidKeep` a field that brings the page back as it was (the sheet's session, the
    /// costs' project).
    static let voidForm = """
        <details{{#voidOpen}} open{{/voidOpen}}><summary>{{t.void}}</summary>
        <form method="post" action="{{voidAction}}" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        <input type="hidden" name="event" value="{{eventId}}">{{#voidKeep}}<input type="hidden" name="{{name}}" value="{{value}}">{{/voidKeep}}
        <p>{{t.voiding}}: {{voidWhat}}</p>
        <label>{{t.voidReason}}<input name="reason" maxlength="500" required></label>
        <button type="submit" class="secondary">{{t.void}}</button>
        </form></details>
        """

    /// One entry of a person's file, with the void that names it.
    static let entry = """
        <li class="entry"><span><strong>{{what}}</strong> {{day}}{{#detail}} · {{detail}}{{/detail}}</span>{{> voidForm}}</li>
        """

    /// A recording form of a person's page, the person (or their engagement) filled in.
    static let personForm = """
        <details class="card"{{#open}} open{{/open}}><summary><h3>{{title}}</h3></summary>
        <form method="post" action="/people/{{handle}}/record/{{form}}" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="_request" value="{{requestKey}}">
        {{#engagement}}<input type="hidden" name="engagement" value="{{.}}">{{/engagement}}
        {{#fields}}{{> recordField}}{{/fields}}
        <button type="submit">{{t.record}}</button>
        </form></details>
        """

    static let lists = """
        {{<layout}}{{$body}}
        {{#lists}}<section class="card"><h2>{{title}}</h2>
        {{#post}}<form method="post" action="/lists/{{list}}" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">{{/post}}
        {{^post}}<form method="get" action="/lists/{{list}}" class="stack">{{/post}}
        {{#fields}}{{> field}}{{/fields}}
        {{#open}}<label class="check"><input type="checkbox" name="open" value="on"> {{t.onlyOpen}}</label>{{/open}}
        {{> fileFormat}}
        <button type="submit">{{t.show}}</button>
        </form>
        {{#names}}<details><summary>{{t.withNames}}</summary>
        <p class="muted">{{t.namesNote}}</p>
        <form method="post" action="/lists/{{list}}/names" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#fields}}{{> field}}{{/fields}}
        {{#open}}<label class="check"><input type="checkbox" name="open" value="on"> {{t.onlyOpen}}</label>{{/open}}
        {{#payroll}}<label class="check"><input type="checkbox" name="payroll" value="on"> {{t.payrollView}}</label>{{/payroll}}
        <label>{{t.purpose}}<input name="purpose" maxlength="500" required></label>
        <button type="submit">{{t.show}}</button>
        </form></details>{{/names}}
        </section>
        {{/lists}}
        {{> activityNames}}
        {{/body}}{{/layout}}
        """

    static let audit = """
        {{<layout}}{{$body}}
        <form method="get" action="/audit" class="stack">
        <label>{{t.asOf}}<input name="as-of" placeholder="7.12.2026" pattern="[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}" autocomplete="off" value="{{asOf}}"></label>
        <button type="submit">{{t.show}}</button>
        </form>
        <dl>
        <dt>{{t.chain}}</dt><dd class="{{chainClass}}">{{chainText}}</dd>
        <dt>{{t.events}}</dt><dd>{{events}}</dd>
        <dt>{{t.head}}</dt><dd>{{t.position}} {{position}}<br><code>{{hash}}</code></dd>
        </dl>
        <p><a class="button" href="/audit/export{{through}}">{{t.export}}</a></p>
        <h2>{{t.readings}}</h2>
        <table><thead><tr><th>{{t.at}}</th><th>{{t.subject}}</th><th>{{t.actor}}</th><th>{{t.purpose}}</th></tr></thead><tbody>
        {{#readings}}<tr><td>{{at}}</td><td>{{subject}}</td><td>{{actor}}</td><td>{{purpose}}</td></tr>
        {{/readings}}
        </tbody></table>
        {{/body}}{{/layout}}
        """

    /// Mobile first: one column, controls a thumb can hit (at least 44 px), readable without zoom
    /// on a 360 px wide phone; tables scroll sideways inside their own box when they must.
    static let stylesheet = """
        *{box-sizing:border-box}
        body{margin:0;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fafafa}
        header{display:flex;gap:.75rem;align-items:center;padding:.5rem 1rem;background:#114b5f;color:#fff}
        header a,header .link{color:#fff}
        .brand{font-weight:700;text-decoration:none;margin-right:auto}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        footer{max-width:44rem;margin:0 auto;padding:1rem}
        h1{font-size:1.4rem;margin:.25rem 0 1rem}
        h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}
        th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd;white-space:nowrap}
        .stack{display:flex;flex-direction:column;gap:.75rem;max-width:24rem}
        label{display:flex;flex-direction:column;gap:.25rem}
        input,select,textarea,button{font:inherit;min-height:44px;padding:.4rem .6rem}
        button,.button{background:#114b5f;color:#fff;border:0;border-radius:6px;padding:.5rem 1rem;text-decoration:none;display:inline-block}
        button.secondary{background:#8a2b2b}
        button.link{background:none;border:0;padding:0;min-height:0;text-decoration:underline;cursor:pointer;color:inherit}
        form.inline{display:inline}
        .help{margin:-.4rem 0 .2rem;font-size:.9rem;color:#555}
        .person{border:1px solid #ccc;border-radius:6px;margin:0 0 .6rem;padding:.3rem .5rem .5rem;background:#fff}
        .person legend{font-weight:600;padding:0 .25rem}
        .mark{display:inline-flex;flex-direction:row;align-items:center;gap:.3rem;min-height:44px;min-width:30%;padding:0 .25rem}
        .mark input{width:1.4rem;height:1.4rem;min-height:0}
        .held{border:1px solid #ccc;border-radius:6px;margin:.5rem 0 1rem;display:flex;flex-direction:column;gap:.5rem}
        button.primary{width:100%;font-size:1.1rem;margin:.5rem 0 1.5rem}
        .notice{background:#e3f4e8;border-left:4px solid #2c7a3f;padding:.5rem .75rem}
        .problem{background:#fbe9e9;border-left:4px solid #a12d2d;padding:.5rem .75rem}
        .muted{color:#666}
        .cards{list-style:none;padding:0}
        .card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.25rem .75rem .75rem;margin-bottom:.75rem}
        .check{flex-direction:row;align-items:center;gap:.5rem}
        .check input{width:1.4rem;height:1.4rem;min-height:0}
        details{margin-top:.75rem}
        summary{min-height:44px;display:flex;align-items:center;cursor:pointer;gap:.4rem}
        summary::before{content:"▸";color:#114b5f}
        details[open]>summary::before{content:"▾"}
        summary h2{margin:.5rem 0;display:inline}
        .choices{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:0 1rem}
        .choices legend{padding:0;margin-bottom:.25rem}
        .cards li{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem;margin-bottom:.75rem}
        .broken{color:#a12d2d;font-weight:700}
        code{word-break:break-all}
        .small{font-size:.8rem;overflow-wrap:anywhere}
        .entries{list-style:none;padding:0;margin:0}
        .entry{border-bottom:1px solid #ddd;padding:.2rem 0;display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:0 1rem}
        .entry details{margin:0}
        .entry details[open]{flex-basis:100%}
        .entry summary,.sessions details summary{min-height:44px;color:#8a2b2b;font-size:.9rem}
        .sessions details{margin:.1rem 0 0 .75rem}
        h3{font-size:1.05rem;margin:.5rem 0;display:inline}
        .sessions{list-style:none;padding:0;margin:0}
        .sessions li{margin-bottom:.5rem}
        .sessions a{display:block;background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem .75rem;min-height:44px;color:inherit;text-decoration:none}
        .sessions a strong{color:#114b5f;text-decoration:underline}
        .sessions .muted{display:block}
        .warn{display:inline-block;margin-top:.2rem;color:#8a4b00;font-weight:600}
        button.plain{background:none;color:#114b5f;border:1px solid #114b5f;width:100%;margin:-1rem 0 1.5rem}
        .links{margin:1rem 0}
        .links a{display:inline-block;min-height:44px;padding:.6rem 0}
        .report-card dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.15rem .75rem;margin:0}
        .report-card dt{color:#555}
        .report-card dd{margin:0;font-variant-numeric:tabular-nums}
        .paper{display:table;width:100%}
        .paper td,.paper th{border:1px solid #888;white-space:normal}
        .paper td.line{height:2.4rem;min-width:8rem}
        .paper-facts{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}
        .paper-facts dd{margin:0}
        .signature-line{margin-top:3rem;border-top:1px solid #111;padding-top:.25rem;max-width:20rem}
        @media print{header,footer,.no-print{display:none}body{background:#fff;font-size:11pt}main{max-width:none;padding:0}}
        """
}
