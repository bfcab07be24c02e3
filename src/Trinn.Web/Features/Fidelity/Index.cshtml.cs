using Trinn.Core.Fidelity;

namespace Trinn.Web.Features.Fidelity;

/// <summary>The rounds the user may see: the own team's for team members, every team's for leder and forsker.</summary>
public sealed class IndexModel(TrinnDbContext db, TimeProvider time) : PageModel
{
    public List<RoundListItem> Rounds { get; private set; } = [];

    public bool IsSupervisor { get; private set; }

    public bool IsRespondent { get; private set; }

    public bool ShowTeam { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = NorwegianTime.Today(time);
        IsSupervisor = FidelityAccess.IsSupervisor(User);
        IsRespondent = User.IsTeamMember();
        ShowTeam = FidelityAccess.SeesAllTeams(User);
        var me = IsRespondent ? User.UserId() : "";
        Rounds = await db.Set<FidelityRound>().AsNoTracking()
            .VisibleTo(User)
            .OrderByDescending(r => r.OpensOn).ThenBy(r => r.Team!.Name)
            .Select(r => new RoundListItem(
                r.Id,
                r.Team!.Name,
                r.Label,
                r.OpensOn,
                r.ClosesOn,
                db.Set<FidelityResponse>().Any(x => x.RoundId == r.Id && x.RespondentId == me)))
            .ToListAsync();
    }
}

public sealed record RoundListItem(int Id, string Team, string Label, DateOnly OpensOn, DateOnly ClosesOn, bool AnsweredByMe);
