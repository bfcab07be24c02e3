using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Surveys;

namespace Trinn.Web.Tests.Surveys;

/// <summary>
/// The study from consent to scores through the real pages, with invitations and reminders delivered by MailKit to a
/// real SMTP server inside the test. SQLite and PostgreSQL.
/// </summary>
public abstract class SurveyMailFlowTests(SurveyApp app)
{
    [Fact]
    public async Task Consent_InvitationLinkAnswered_ScoresStoredAndNoReminderAfterwards()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        using (var registered = await scene.RegisterConsentAsync(specialist, candidate.Id))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var waves = await app.Data.WithDbAsync(db => db.Set<SurveyWave>().AsNoTracking().Where(w => w.CandidateId == candidate.Id).OrderBy(w => w.Number).ToListAsync());
        Assert.Equal([0, 3, 12, 18], waves.Select(w => w.OffsetMonths));

        await app.RunSenderAsync();

        var mail = Assert.Single(app.Smtp.To(candidate.Email!));
        Assert.Equal("Spørreskjema fra jobbspesialisten", mail.Subject);
        var link = scene.LinkIn(candidate.Email!);
        Assert.DoesNotContain(link.Split('/')[^1], await app.Data.WithDbAsync(db => db.Set<SurveyLinkToken>().Select(t => t.TokenHash).ToListAsync()));

        using var candidateBrowser = BrowserClient.Anonymous(app);
        using (var done = await SurveyScene.AnswerAllAsync(candidateBrowser, link, SurveyScene.NotInWorkAnswers))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.Contains("Svarene dine er sendt inn", await candidateBrowser.GetHtmlAsync(link), StringComparison.Ordinal);
        var wave = await app.Data.WithDbAsync(db => db.Set<SurveyWave>().AsNoTracking().SingleAsync(w => w.Id == waves[0].Id));
        Assert.True(wave.IsAnswered);
        Assert.False(wave.Paper);
        var scores = await app.Data.WithDbAsync(db => db.Set<SurveyScore>().AsNoTracking().Where(s => s.WaveId == wave.Id).ToDictionaryAsync(s => s.ConstructKey, s => s.Value));
        // Hand-computed from NotInWorkAnswers: (6+7+8)/3, (2+1)/2, internal choices 35B 36A 37A 38B (39B is external).
        Assert.Equal(7m, scores["self_efficacy_not_in_work"]);
        Assert.Equal(1.5m, scores["expectation_not_in_work"]);
        Assert.Equal(4m, scores["locus_of_control_internal"]);
        Assert.Equal(6m, scores["work_ability"]);
        Assert.Null(scores["self_efficacy_in_work"]);
        Assert.True(await app.Data.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == "SurveySubmission" && a.EntityId == wave.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.DoesNotContain(await app.Data.WithDbAsync(db => db.Set<AuditEntry>().Select(a => a.Changes ?? "").ToListAsync()), c => c.Contains(link.Split('/')[^1], StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromDays(15));
        await app.RunSenderAsync();

        Assert.Single(app.Smtp.To(candidate.Email!));
        Assert.False(await app.Data.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.WaveId == wave.Id && m.Kind == OutboxKind.Reminder)));
    }

    [Fact]
    public async Task UnansweredWave_AfterReminderDays_TwoRemindersThenNoMore()
    {
        var (scene, candidate) = await InvitedAndNoReminderSixDaysOnAsync();

        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.RunSenderAsync();
        var mails = app.Smtp.To(candidate.Email!);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("Påminnelse", mails[1].Subject, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(7));
        await app.RunSenderAsync();
        app.Clock.Advance(TimeSpan.FromDays(7));
        await app.RunSenderAsync();
        Assert.Equal(3, app.Smtp.To(candidate.Email!).Count);

        // Both links in the reminders work: every message's token opens the same wave.
        using var browser = BrowserClient.Anonymous(app);
        Assert.Contains("Side 1 av", await browser.GetHtmlAsync(scene.LinkIn(candidate.Email!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitedJustAfterNorwegianMidnight_ReminderCountsFromTheNorwegianDay()
    {
        // 23:30 UTC is already the next day in Norway (00:30 or 01:30): the seven reminder days count from that day, so
        // the reminder is not due six Norwegian days later, only seven.
        var now = app.Clock.GetUtcNow();
        var lateEvening = new DateTimeOffset(now.UtcDateTime.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        app.Clock.Advance(lateEvening > now ? lateEvening - now : lateEvening.AddDays(1) - now);
        var (_, candidate) = await InvitedAndNoReminderSixDaysOnAsync();

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunSenderAsync();
        Assert.Equal(2, app.Smtp.To(candidate.Email!).Count);
    }

    /// <summary>A new candidate consents and is invited; six days on (the reminder comes after seven) nothing more is sent.</summary>
    private async Task<(SurveyScene Scene, Candidate Candidate)> InvitedAndNoReminderSixDaysOnAsync()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        await app.RunSenderAsync();
        Assert.Single(app.Smtp.To(candidate.Email!));

        app.Clock.Advance(TimeSpan.FromDays(6));
        await app.RunSenderAsync();
        Assert.Single(app.Smtp.To(candidate.Email!));
        return (scene, candidate);
    }

    [Fact]
    public async Task Withdrawal_StopsReminders_AndDeletesAnswersWhenTheStudySaysSo()
    {
        var scene = await app.SceneAsync(p => p.ChangeSchedule("0, 3, 12, 18", 7, 30, 7, 14, WithdrawalPolicy.Delete));
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        await app.RunSenderAsync();
        var consent = await app.Data.WithDbAsync(db => db.Set<StudyConsent>().AsNoTracking().SingleAsync(c => c.CandidateId == candidate.Id));

        using (var withdrawn = await specialist.PostFormAsync(await specialist.GetFormAsync($"/Surveys/Consent/{candidate.Id}", $"/Surveys/Consent/{candidate.Id}?handler=Withdraw"), new()
        {
            ["Withdraw.ConsentId"] = consent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Withdraw.Version"] = consent.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Withdraw.WithdrawnOn"] = app.Data.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromDays(20));
        await app.RunSenderAsync();

        Assert.Single(app.Smtp.To(candidate.Email!));
        using var browser = BrowserClient.Anonymous(app);
        Assert.Contains("ikke lenger med i studien", await browser.GetHtmlAsync(scene.LinkIn(candidate.Email!)), StringComparison.Ordinal);
        Assert.True(await app.Data.WithDbAsync(db => db.Set<SurveyWave>().Where(w => w.CandidateId == candidate.Id).AllAsync(w => w.Withdrawn)));
    }

    [Fact]
    public async Task SmtpServerDown_SendFailsIsRetriedWithBackoff_AndFailureShownToStaff()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync(email: TestData.Unique("avvist") + "@example.no");
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        var wave = await app.Data.WithDbAsync(db => db.Set<SurveyWave>().AsNoTracking().Where(w => w.CandidateId == candidate.Id).MinAsync(w => w.Id));
        app.Smtp.RejectNext = 1;

        await app.RunSenderAsync();

        var failed = await app.Data.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.WaveId == wave));
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.Empty(app.Smtp.To(candidate.Email!));

        await app.RunSenderAsync();
        Assert.Empty(app.Smtp.To(candidate.Email!));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.RunSenderAsync();
        Assert.Single(app.Smtp.To(candidate.Email!));
        var sent = await app.Data.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.WaveId == wave));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task TwoSenders_SameMoment_OneHoldsTheLeaseAndTheInvitationGoesOutOnce()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        app.Clock.Advance(TimeSpan.FromMinutes(10)); // any lease from an earlier test has run out

        var rounds = await Task.WhenAll(app.RunSenderAsync("instance-a"), app.RunSenderAsync("instance-b"));
        var again = await app.RunSenderAsync(rounds[0].Held ? "instance-b" : "instance-a");

        Assert.Equal(1, rounds.Count(r => r.Held));
        Assert.False(again.Held);
        Assert.Single(app.Smtp.To(candidate.Email!));
    }

    [Fact]
    public async Task Deliver_LeaseLostBetweenMessages_StopsBeforeTheNextMessage()
    {
        var scene = await app.SceneAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        foreach (var candidate in new[] { await scene.CandidateAsync(), await scene.CandidateAsync() })
        {
            (await scene.RegisterConsentAsync(specialist, candidate.Id)).Dispose();
        }

        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.Data.WithDbAsync(db => SurveyOutbox.ScheduleAsync(db, app.Data.Today, now));
        var pending = await app.Data.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending));
        var mails = app.Smtp.Messages.Count;
        var checks = 0;

        // The lease is renewed before the first message, and found lost (taken by another instance) before the second.
        var sent = await app.Data.WithDbAsync(db => SurveyOutbox.DeliverAsync(
            db, app.Services.GetRequiredService<IMailTransport>(), app.Services.GetRequiredService<IOptions<SurveyOptions>>().Value.LinkFor,
            app.Data.Today, now, keepLease: _ => Task.FromResult(++checks == 1)));

        Assert.True(pending >= 2, $"{pending} pending");
        Assert.Equal((1, 2), (sent, checks));
        Assert.Equal(mails + 1, app.Smtp.Messages.Count);
        Assert.Equal(pending - 1, await app.Data.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending)));
    }

    [Fact]
    public async Task Consent_WithoutResearchConsentInAgreement_RefusedAndNothingScheduled()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync(researchConsent: false);
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);

        using var response = await scene.RegisterConsentAsync(specialist, candidate.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ikke samtykket til forskning", ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_Letter"), StringComparison.Ordinal);
        Assert.False(await app.Data.WithDbAsync(db => db.Set<SurveyWave>().AnyAsync(w => w.CandidateId == candidate.Id)));
        await app.RunSenderAsync();
        Assert.Empty(app.Smtp.To(candidate.Email!));
    }
}

public sealed class SqliteSurveyMailFlowTests(SurveyApp app) : SurveyMailFlowTests(app), IClassFixture<SurveyApp>;

public sealed class PostgresSurveyMailFlowTests(PostgresSurveyApp app) : SurveyMailFlowTests(app), IClassFixture<PostgresSurveyApp>;
