using Trinn.Core.Fidelity;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Fidelity;

public static class FidelityPolicies
{
    /// <summary>Answer the team's rounds: jobbspesialist or metodeveileder with a team.</summary>
    public const string Respondent = "FidelityRespondent";

    /// <summary>Open rounds and see who has answered: the team's metodeveileder.</summary>
    public const string Supervisor = "FidelitySupervisor";

    /// <summary>Read team results: team members (own team) and leder/forsker (every team, aggregates only).</summary>
    public const string Results = "FidelityResults";
}

/// <summary>Registration of the fidelity rounds: page authorization and start-up publication of the shipped instruments.</summary>
public static class FidelitySetup
{
    public static WebApplicationBuilder AddTrinnFidelity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(FidelityPolicies.Respondent, p => p.RequireRole(Roles.Jobbspesialist, Roles.Metodeveileder).RequireClaim(TrinnClaims.TeamId))
            .AddPolicy(FidelityPolicies.Supervisor, p => p.RequireRole(Roles.Metodeveileder).RequireClaim(TrinnClaims.TeamId))
            .AddPolicy(FidelityPolicies.Results, p => p.RequireRole(Roles.Jobbspesialist, Roles.Metodeveileder, Roles.Leder, Roles.Forsker));

        // Every page in the folder needs the results policy; the pages below add their own on top (all must pass).
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Fidelity", FidelityPolicies.Results);
            o.Conventions.AuthorizePage("/Fidelity/New", FidelityPolicies.Supervisor);
            o.Conventions.AuthorizePage("/Fidelity/Status", FidelityPolicies.Supervisor);
            o.Conventions.AuthorizePage("/Fidelity/Shared", FidelityPolicies.Supervisor);
            o.Conventions.AuthorizePage("/Fidelity/Answer", FidelityPolicies.Respondent);
        });

        builder.Services.AddScoped<FidelityDataQuery>();
        builder.Services.AddHostedService<ShippedInstrumentPublisher>();
        return builder;
    }
}

/// <summary>
/// Stores the instruments that ship with Trinn as published versions at start-up when they are missing
/// (after the database is migrated, which happens before the host starts).
/// </summary>
internal sealed class ShippedInstrumentPublisher(IServiceScopeFactory scopes, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        await InstrumentStore.EnsureShippedAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
