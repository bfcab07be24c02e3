using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Teams;
using Trinn.Web.Infrastructure;
using Trinn.Web.Shared;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// The one save path's handling of a unique index refusing a new row (the team name is unique), on each provider: the
/// refusal becomes the error the page names, the change is thrown away whole, and other failures are not mistaken for it.
/// </summary>
public abstract class ConcurrencyGuardTests(TrinnFactory app)
{
    [Fact]
    public async Task TrySave_RowTheUniqueIndexHolds_FieldErrorWithTheGivenMessageAndNothingSaved()
    {
        var taken = await AddTeamAsync();
        var other = TestData.Unique("Team ");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var modelState = new ModelStateDictionary();

        var outcome = await SaveTeamsAsync(db, modelState, Localizer(scope), UniqueRefusal.Field("Input.Name", "the name is taken"), other, taken);

        Assert.Equal(SaveOutcome.Refused, outcome);
        Assert.Equal("the name is taken", Assert.Single(modelState["Input.Name"]!.Errors).ErrorMessage);
        Assert.Equal(1, modelState.ErrorCount);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(1, await CountAsync(taken));
        Assert.Equal(0, await CountAsync(other));
    }

    [Fact]
    public async Task TrySave_RowTheUniqueIndexHoldsAsConflict_ConflictMessageForTheWholeForm()
    {
        var taken = await AddTeamAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var t = Localizer(scope);
        var modelState = new ModelStateDictionary();

        var outcome = await SaveTeamsAsync(db, modelState, t, UniqueRefusal.Conflict, taken);

        Assert.Equal(SaveOutcome.Conflict, outcome);
        Assert.Equal(t["Error_Conflict"].Value, Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(1, await CountAsync(taken));
    }

    [Fact]
    public async Task TrySave_RowTheUniqueIndexHoldsWithoutARefusal_IsNotCaught()
    {
        var taken = await AddTeamAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => SaveTeamsAsync(db, new ModelStateDictionary(), Localizer(scope), null, taken));

        Assert.True(ConcurrencyGuard.IsUniqueViolation(ex));
    }

    [Fact]
    public async Task TrySave_OtherConstraintRefusesTheRow_IsNotTakenForAUniqueRefusal()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var modelState = new ModelStateDictionary();

        // A missing required value (NOT NULL) is a failure of the code, not a value someone else took.
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() =>
            SaveTeamsAsync(db, modelState, Localizer(scope), UniqueRefusal.Field("Input.Name", "the name is taken"), [null!]));

        Assert.False(ConcurrencyGuard.IsUniqueViolation(ex));
        Assert.Equal(0, modelState.ErrorCount);
    }

    [Fact]
    public async Task TrySave_RuleRefusesAfterAnotherRowWasAdded_FieldErrorAndNothingSaved()
    {
        var other = TestData.Unique("Team ");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var modelState = new ModelStateDictionary();

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            db.Add(new Team { Name = other });
            throw new DomainException("StartedOn", "Error_Required");
        }, modelState, Localizer(scope), ex => "refused: " + ex.MessageKey, prefix: "Team.");

        Assert.Equal(SaveOutcome.Refused, outcome);
        Assert.Equal("refused: Error_Required", Assert.Single(modelState["Team.StartedOn"]!.Errors).ErrorMessage);
        Assert.Equal(0, await CountAsync(other));
    }

    [Fact]
    public async Task TryWrite_RowTheUniqueIndexHolds_ConflictAndTheChangesThrownAway()
    {
        var taken = await AddTeamAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();

        var outcome = await ConcurrencyGuard.TryWriteAsync(db, async () =>
        {
            db.Add(new Team { Name = taken });
            await db.SaveChangesAsync();
        });

        Assert.Equal(SaveOutcome.Conflict, outcome);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(1, await CountAsync(taken));
    }

    [Fact]
    public void TryApply_RuleRefuses_FalseAndTheFieldError()
    {
        using var scope = app.Services.CreateScope();
        var modelState = new ModelStateDictionary();

        var allowed = ConcurrencyGuard.TryApply(() => throw new DomainException("Role", "Error_RoleUnknown"), modelState, Localizer(scope), ex => "no " + ex.Field);

        Assert.False(allowed);
        Assert.Equal("no Role", Assert.Single(modelState["Input.Role"]!.Errors).ErrorMessage);
        Assert.True(ConcurrencyGuard.TryApply(() => { }, modelState, Localizer(scope)));
    }

    /// <summary>Adds a team for each name through the new-row save path.</summary>
    private static Task<SaveOutcome> SaveTeamsAsync(
        TrinnDbContext db, ModelStateDictionary modelState, IStringLocalizer t, UniqueRefusal? taken, params string[] names) =>
        ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            foreach (var name in names)
            {
                db.Add(new Team { Name = name });
            }

            return Task.CompletedTask;
        }, modelState, t, taken: taken);

    private static IStringLocalizer<SharedResource> Localizer(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();

    private async Task<string> AddTeamAsync()
    {
        var name = TestData.Unique("Team ");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        db.Add(new Team { Name = name });
        await db.SaveChangesAsync();
        return name;
    }

    private async Task<int> CountAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        return await db.Teams.CountAsync(x => x.Name == name);
    }
}

public sealed class ConcurrencyGuardSqliteTests(TrinnFactory app) : ConcurrencyGuardTests(app), IClassFixture<TrinnFactory>;

public sealed class ConcurrencyGuardPostgresTests(PostgresTrinnFactory app) : ConcurrencyGuardTests(app), IClassFixture<PostgresTrinnFactory>;
