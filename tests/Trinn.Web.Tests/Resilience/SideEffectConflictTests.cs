using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Forms that create something and, as a consequence, update a record the user never saw a version of: a journal
/// note about a workplace visit completes a follow-up, a paid job moves the candidate to stage 4. When someone else
/// saves that record in the same moment, the form shows the conflict message, saves nothing, keeps what was typed,
/// and the other person's save stands. On SQLite and on PostgreSQL.
/// </summary>
public abstract class SideEffectConflictTests(TrinnFactory app, InterleavedSave race)
{
    private const string Conflict = "Noen andre lagret endringer samtidig. Du ser nå de siste opplysningene – gjør endringen din på nytt.";

    [Fact]
    public async Task Journal_FollowUpSavedByAnotherWhileVisitNoteSaves_ConflictNothingSavedThenResubmitWorks()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 4, specialist: staff.Specialist);
        var today = app.Data.Today;
        var followUpId = await app.Data.WithDbAsync(async db =>
        {
            var followUp = FollowUp.Planned(candidate.Id, FollowUpKind.Extra, today);
            db.Add(followUp);
            await db.SaveChangesAsync();
            return followUp.Id;
        });
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var form = await client.GetFormAsync($"/Candidates/Journal/{candidate.Id}");
        race.Arm(
            c => c.ChangeTracker.Entries<JournalNote>().Any(e => e.State == EntityState.Added),
            () => app.Data.WithDbAsync(async db =>
            {
                var followUp = await db.Set<FollowUp>().SingleAsync(f => f.Id == followUpId);
                followUp.Note = "Avtalt med arbeidsgiver";
                return await db.SaveChangesAsync();
            }));

        using var conflict = await client.PostFormAsync(form, Visit(today, "Besøk på lageret"));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.HtmlAsync();
        Assert.Contains(Conflict, html, StringComparison.Ordinal);
        Assert.Contains("Besøk på lageret", html, StringComparison.Ordinal);
        var (notes, stored) = await LoadAsync(candidate.Id, followUpId);
        Assert.Equal(0, notes);
        Assert.Null(stored.DoneOn);
        Assert.Equal("Avtalt med arbeidsgiver", stored.Note);

        using var again = await client.PostFormAsync(await client.GetFormAsync($"/Candidates/Journal/{candidate.Id}"), Visit(today, "Besøk på lageret"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        (notes, stored) = await LoadAsync(candidate.Id, followUpId);
        Assert.Equal(1, notes);
        Assert.Equal(today, stored.DoneOn);
        Assert.Equal("Avtalt med arbeidsgiver", stored.Note);
    }

    [Fact]
    public async Task NewPlacement_CandidateSavedByAnotherWhilePaidJobSaves_ConflictNothingSavedThenResubmitWorks()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        var employer = await app.Data.WithDbAsync(db => Workplace.Builders.AddEmployerAsync(db, staff.Team.Id));
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var form = await client.GetFormAsync($"/Placements/New/{candidate.Id}");
        race.Arm(
            c => c.ChangeTracker.Entries<Placement>().Any(e => e.State == EntityState.Added),
            () => app.Data.WithDbAsync(async db =>
            {
                var colleagues = await db.Candidates.SingleAsync(c => c.Id == candidate.Id);
                colleagues.NextAction = "Ringe NAV-veileder";
                return await db.SaveChangesAsync();
            }));

        using var conflict = await client.PostFormAsync(form, PaidJob(employer.Id, app.Data.Today));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(Conflict, await conflict.HtmlAsync(), StringComparison.Ordinal);
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(3, stored.Stage);
        Assert.Equal("Ringe NAV-veileder", stored.NextAction);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Set<Placement>().CountAsync(p => p.CandidateId == candidate.Id)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Set<FollowUp>().CountAsync(f => f.CandidateId == candidate.Id)));

        using var again = await client.PostFormAsync(await client.GetFormAsync($"/Placements/New/{candidate.Id}"), PaidJob(employer.Id, app.Data.Today));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(4, stored.Stage);
        Assert.Equal("Ringe NAV-veileder", stored.NextAction);
    }

    private static Dictionary<string, string> Visit(DateOnly date, string text) => new()
    {
        ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Kind"] = ((int)JournalKind.WorkplaceVisit).ToString(CultureInfo.InvariantCulture),
        ["Input.Place"] = ((int)WorkPlace.OutOfOffice).ToString(CultureInfo.InvariantCulture),
        ["Input.DurationMinutes"] = "60",
        ["Input.Text"] = text,
    };

    private static Dictionary<string, string> PaidJob(int employerId, DateOnly start) => new()
    {
        ["Input.EmployerId"] = employerId.ToString(CultureInfo.InvariantCulture),
        ["Input.Kind"] = ((int)PlacementKind.Temporary).ToString(CultureInfo.InvariantCulture),
        ["Input.Market"] = ((int)LabourMarket.Regular).ToString(CultureInfo.InvariantCulture),
        ["Input.PositionPercent"] = "60",
        ["Input.StartDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private Task<(int Notes, FollowUp FollowUp)> LoadAsync(int candidateId, int followUpId) => app.Data.WithDbAsync(async db =>
        (await db.JournalNotes.CountAsync(n => n.CandidateId == candidateId),
         await db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == followUpId)));
}

/// <summary>
/// A deterministic race: once armed, runs another save just before the matching request's save transaction begins —
/// after the request has read what it is about to change.
/// </summary>
public sealed class InterleavedSave : DbTransactionInterceptor
{
    private readonly Lock _gate = new();
    private Func<DbContext, bool>? _when;
    private Func<Task>? _otherSave;

    public void Arm(Func<DbContext, bool> when, Func<Task> otherSave)
    {
        lock (_gate)
        {
            (_when, _otherSave) = (when, otherSave);
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Func<Task>? run = null;
        lock (_gate)
        {
            if (_when is not null && eventData.Context is { } context && _when(context))
            {
                run = _otherSave;
                (_when, _otherSave) = (null, null);
            }
        }

        if (run is not null)
        {
            await run();
        }

        return result;
    }
}

public sealed class RaceTrinnFactory : TrinnFactory
{
    public InterleavedSave Race { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<TrinnDbContext>(o => o.AddInterceptors(Race)));
    }
}

public sealed class RacePostgresTrinnFactory : PostgresTrinnFactory
{
    public InterleavedSave Race { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<TrinnDbContext>(o => o.AddInterceptors(Race)));
    }
}

public sealed class SideEffectConflictSqliteTests(RaceTrinnFactory app) : SideEffectConflictTests(app, app.Race), IClassFixture<RaceTrinnFactory>;

public sealed class SideEffectConflictPostgresTests(RacePostgresTrinnFactory app) : SideEffectConflictTests(app, app.Race), IClassFixture<RacePostgresTrinnFactory>;
