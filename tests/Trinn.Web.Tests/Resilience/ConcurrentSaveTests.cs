using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.ActionPlans;
using Trinn.Core.Activities;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.Fidelity;
using Trinn.Core.FollowUps;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Surveys;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// The last line of optimistic concurrency, for every kind of data that is edited: two saves that both started from
/// the same version (a race past the form's version check) — the database takes the first and refuses the second,
/// so no update is silently lost. The page-level stale-form tests live with each page; this one covers the model.
/// </summary>
public abstract class ConcurrentSaveTests(TrinnFactory app)
{
    [Fact]
    public void Model_EveryVersionedEntity_IsCoveredHereAndHasItsVersionAsConcurrencyToken()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var versioned = db.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList();

        Assert.Equal(Covered.Select(t => t.Name).Order(), versioned.Select(t => t.ClrType.Name).Order());
        Assert.All(versioned, t => Assert.True(t.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, t.ClrType.Name));
    }

    [Fact]
    public async Task Save_TwoContextsFromTheSameVersion_SecondIsRefusedForEveryVersionedEntity()
    {
        await AddFidelityResponseAsync();
        await AddOutboxMessageAsync();

        await RaceAsync<Candidate>();
        await RaceAsync<CooperationAgreement>();
        await RaceAsync<Employer>();
        await RaceAsync<Placement>();
        await RaceAsync<FollowUp>();
        await RaceAsync<FollowUpPeriod>();
        await RaceAsync<FidelityResponse>();
        await RaceAsync<JobOpportunity>();
        await RaceAsync<SupportMeasure>();
        await RaceAsync<EmployerContact>();
        await RaceAsync<TimeBlock>();
        await RaceAsync<JournalNote>();
        await RaceAsync<ActionPlan>();
        await RaceAsync<CaseReview>();
        await RaceAsync<GroupActivity>();
        await RaceAsync<StudyProtocol>();
        await RaceAsync<StudyConsent>();
        await RaceAsync<SurveyWave>();
        await RaceAsync<OutboxMessage>();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact, "a refused save left a broken audit chain");
    }

    /// <summary>The entity types <see cref="Save_TwoContextsFromTheSameVersion_SecondIsRefusedForEveryVersionedEntity"/> races.</summary>
    private static readonly Type[] Covered =
        [typeof(Candidate), typeof(CooperationAgreement), typeof(Employer), typeof(Placement), typeof(FollowUp), typeof(FollowUpPeriod), typeof(FidelityResponse),
            typeof(JobOpportunity), typeof(SupportMeasure), typeof(EmployerContact), typeof(TimeBlock), typeof(JournalNote), typeof(ActionPlan),
            typeof(CaseReview), typeof(GroupActivity), typeof(StudyProtocol), typeof(StudyConsent), typeof(SurveyWave), typeof(OutboxMessage)];

    private async Task RaceAsync<T>()
        where T : class, IVersioned
    {
        using var firstScope = app.Services.CreateScope();
        using var secondScope = app.Services.CreateScope();
        var first = firstScope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        // The key is Id, or the owner's id for one-per-owner rows (a study's protocol is keyed by StudyId).
        var key = first.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().Name;
        var mine = await first.Set<T>().OrderBy(e => EF.Property<int>(e, key)).FirstOrDefaultAsync();
        Assert.True(mine is not null, $"no {typeof(T).Name} in the demo data");
        var id = (int)first.Entry(mine).Property(key).CurrentValue!;
        var theirs = await second.Set<T>().SingleAsync(e => EF.Property<int>(e, key) == id);
        var version = mine.Version;
        Assert.Equal(version, theirs.Version);

        first.Entry(mine).State = EntityState.Modified;
        await first.SaveChangesAsync();
        second.Entry(theirs).State = EntityState.Modified;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        using var checkScope = app.Services.CreateScope();
        var stored = await checkScope.ServiceProvider.GetRequiredService<TrinnDbContext>().Set<T>().AsNoTracking()
            .SingleAsync(e => EF.Property<int>(e, key) == id);
        Assert.Equal(version + 1, stored.Version);
    }

    /// <summary>The demo data sends no e-mail; one invitation waiting in the outbox is enough to race on.</summary>
    private async Task AddOutboxMessageAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        if (await db.Set<OutboxMessage>().AnyAsync())
        {
            return;
        }

        var wave = await db.Set<SurveyWave>().OrderBy(w => w.Id).FirstAsync();
        db.Add(OutboxMessage.ForWave(wave, OutboxKind.Invitation, 0, "deltaker@example.no", DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>The demo data has no fidelity answers yet; one round with one answer is enough to race on.</summary>
    private async Task AddFidelityResponseAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        if (await db.Set<FidelityResponse>().AnyAsync())
        {
            return;
        }

        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var supervisor = await db.Users.Where(u => u.TeamId != null).OrderBy(u => u.UserName).FirstAsync();
        var instrument = await InstrumentStore.PublishAsync(db, ShippedInstruments.Fidelity, now);
        var round = new FidelityRound
        {
            TeamId = supervisor.TeamId!.Value,
            Label = "Samtidighet",
            OpensOn = today,
            ClosesOn = today.AddDays(14),
            InstrumentKey = instrument.Key,
            InstrumentVersion = instrument.Version,
            CreatedById = supervisor.Id,
            CreatedAtUtc = now,
        };
        db.Add(round);
        await db.SaveChangesAsync();
        db.Add(new FidelityResponse
        {
            RoundId = round.Id,
            RespondentId = supervisor.Id,
            InstrumentKey = instrument.Key,
            InstrumentVersion = instrument.Version,
            AnswersJson = "{}",
            SubmittedAtUtc = now,
            UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync();
    }
}

/// <summary>The app with its demo data, which holds every kind of edited record.</summary>
public sealed class DemoTrinnFactory : TrinnFactory
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Demo:Enabled"] = "true";
        return settings;
    }
}

public sealed class DemoPostgresTrinnFactory : PostgresTrinnFactory
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Demo:Enabled"] = "true";
        return settings;
    }
}

public sealed class ConcurrentSaveSqliteTests(DemoTrinnFactory app) : ConcurrentSaveTests(app), IClassFixture<DemoTrinnFactory>;

public sealed class ConcurrentSavePostgresTests(DemoPostgresTrinnFactory app) : ConcurrentSaveTests(app), IClassFixture<DemoPostgresTrinnFactory>;
