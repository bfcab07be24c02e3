using System.Text.Json;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using static Trinn.Web.Tests.Security.HostileInput.HostileScene;

namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>
/// The study's forms in the hostile-input table (<see cref="HostileForms.All"/>): the candidate's answer pages (page 1 with
/// a date, choices and a number; later pages with a percentage, a checkbox group, forced choices and 1–10 and 0–10
/// scales — the questionnaire has no free-text items), the consent form (register and withdraw) and the paper entry. Every field has a format, so a hostile string is
/// refused at its field (or, when blank, taken as no answer); nothing else may be stored.
/// </summary>
internal static class HostileSurveyForms
{
    private static readonly FuzzField[] FirstPage =
        [new("a.dato", Displayed: false), new("a.q1a", Displayed: false), new("a.q1b", Displayed: false), new("a.q2", Displayed: false)];

    public static readonly IReadOnlyList<HostileForm> All =
    [
        new("Surveys/Answer (page 1)", "", async s =>
        {
            var (_, _, waveId) = await AddParticipantAsync(s, consent: true);
            return new FormTarget(PathOf(await IssueLinkAsync(s, waveId)), new() { ["a.q2"] = "2", ["handling"] = "lagre" }, Draft(waveId));
        }, FirstPage, FreeText: false),

        new("Surveys/Answer (page 3)", "", async s => await LaterPageAsync(s, 3),
            [new("a.q4", Displayed: false), new("a.q5", Displayed: false), new("a.q6", Displayed: false), new("a.q7", Displayed: false)], FreeText: false),

        new("Surveys/Answer (not in work)", "", async s => await LaterPageAsync(s, 5),
            [new("a.q23", Displayed: false), new("a.q25", Displayed: false)], FreeText: false),

        new("Surveys/Answer (last page)", "", async s => await LaterPageAsync(s, 6),
            [new("a.q28", Displayed: false), new("a.q35", Displayed: false), new("a.q40", Displayed: false)], FreeText: false),

        new("Surveys/Paper", Roles.Jobbspesialist, async s =>
        {
            var (_, _, waveId) = await AddParticipantAsync(s, consent: true);
            return new FormTarget($"/Surveys/Paper/{waveId}", new() { ["a.q2"] = "2", ["handling"] = "lagre" }, Draft(waveId));
        }, FirstPage, FreeText: false),

        new("Surveys/Consent (register)", Roles.Jobbspesialist, async s =>
        {
            var (candidateId, studyId, _) = await AddParticipantAsync(s, consent: false);
            return new FormTarget($"/Surveys/Consent/{candidateId}", new()
            {
                ["Input.Letter"] = $"{S(studyId)}:1", ["Input.ConsentedOn"] = Iso(s.Today), ["Input.InclusionDate"] = "",
            }, async (db, property) =>
            {
                var consents = await db.Set<StudyConsent>().AsNoTracking().Where(c => c.CandidateId == candidateId).ToListAsync();
                return consents.Select(c => property switch
                {
                    "Letter" => $"{S(c.StudyId)}:{S(c.LetterNumber)}",
                    "ConsentedOn" => Iso(c.ConsentedOn),
                    // A blank inclusion date means "the consent date".
                    _ => c.InclusionDate == c.ConsentedOn ? null : Iso(c.InclusionDate),
                }).ToList();
            });
        }, [new("Input.Letter", Displayed: false), new("Input.ConsentedOn", Displayed: false), new("Input.InclusionDate", Displayed: false)], FreeText: false),

        new("Surveys/Consent (withdraw)", Roles.Jobbspesialist, async s =>
        {
            var (candidateId, _, _) = await AddParticipantAsync(s, consent: true);
            var url = $"/Surveys/Consent/{candidateId}";
            return new FormTarget(url, new() { ["Withdraw.WithdrawnOn"] = Iso(s.Today) }, async (db, _) =>
                (await db.Set<StudyConsent>().AsNoTracking().Where(c => c.CandidateId == candidateId).Select(c => c.WithdrawnOn).ToListAsync())
                    .Select(d => d is { } on ? Iso(on) : null).ToList(),
                PostUrl: url + "?handler=Withdraw");
        }, [new("Withdraw.WithdrawnOn", Displayed: false)], FreeText: false),
    ];

    private static string PathOf(string token) => "/svar/" + token;

    /// <summary>A later page of the answer form: page 1 saved as part-time work (page 3 asks the percentage) or not in work.</summary>
    private static async Task<FormTarget> LaterPageAsync(HostileScene s, int side)
    {
        var (_, _, waveId) = await AddParticipantAsync(s, consent: true);
        var first = side == 3
            ? new Dictionary<string, string> { ["q2"] = "1", ["q3"] = "2" }
            : new Dictionary<string, string> { ["q2"] = "2" };
        await s.WithDbAsync(async db =>
        {
            var wave = await db.Set<SurveyWave>().SingleAsync(w => w.Id == waveId);
            wave.SaveDraft(AnswerSet.FromSingles(first), s.Today);
            return await db.SaveChangesAsync();
        });
        return new FormTarget($"{PathOf(await IssueLinkAsync(s, waveId))}?side={S(side)}", new() { ["handling"] = "lagre" }, Draft(waveId));
    }

    /// <summary>The wave's saved draft, read as the form field's value (no answer = null).</summary>
    private static Func<TrinnDbContext, string, Task<List<string?>>> Draft(int waveId) => async (db, item) =>
    {
        var json = await db.Set<SurveyWave>().AsNoTracking().Where(w => w.Id == waveId).Select(w => w.DraftJson).SingleAsync();
        var values = json is null ? null : JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json);
        var value = values?.GetValueOrDefault(item)?.FirstOrDefault();
        return [string.IsNullOrEmpty(value) ? null : value];
    };

    private static Task<string> IssueLinkAsync(HostileScene s, int waveId) => s.WithDbAsync(async db =>
    {
        var (token, row) = SurveyLinkToken.Issue(waveId, DateTime.UtcNow);
        db.Add(row);
        await db.SaveChangesAsync();
        return token;
    });

    /// <summary>
    /// A candidate of the scene's team with research consent in the agreement, and a study over the team with its
    /// protocol and letter 1; with <paramref name="consent"/>, also the study consent, so the first wave is open today.
    /// </summary>
    private static async Task<(int CandidateId, int StudyId, int FirstWaveId)> AddParticipantAsync(HostileScene s, bool consent)
    {
        var candidate = await s.AddCandidateAsync();
        return await s.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var admin = s.Users[Roles.Admin].Id;
            db.CooperationAgreements.Add(new CooperationAgreement { CandidateId = candidate.Id, SignedOn = s.Today.AddDays(-10), Agreed = "Avtale", ConsentResearch = true });
            var study = Study.Create(TestData.Unique("Studie "), wholeOrganisation: false, [s.Team.Id], admin, now);
            db.Add(study);
            await db.SaveChangesAsync();
            var protocol = StudyProtocol.CreateDefault(study.Id);
            db.Add(protocol);
            db.Add(InformationLetter.Create(study.Id, null, "Informasjonsskriv", admin, now));
            await db.SaveChangesAsync();
            if (!consent)
            {
                return (candidate.Id, study.Id, 0);
            }

            await StudyConsent.RegisterAsync(db, study, protocol, candidate.Id, s.Today, s.Today, 1, s.Specialist.Id, s.Today, now);
            await db.SaveChangesAsync();
            var wave = await db.Set<SurveyWave>().Where(w => w.CandidateId == candidate.Id).OrderBy(w => w.Number).Select(w => w.Id).FirstAsync();
            return (candidate.Id, study.Id, wave);
        });
    }
}
