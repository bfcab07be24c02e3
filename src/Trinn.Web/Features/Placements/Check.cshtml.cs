using Trinn.Core.Placements;

namespace Trinn.Web.Features.Placements;

/// <summary>
/// The team's support measures that today's rules would refuse (a wage subsidy on unpaid work, a mentor or inclusion
/// grant on a jobbsmak), stored before the rules were enforced. Reported with a link to the placement; nothing is changed.
/// </summary>
public sealed class CheckModel(TrinnDbContext db) : PageModel
{
    public IReadOnlyList<InvalidMeasure> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await SupportMeasureCheck.FindInvalidAsync(db, User.TeamId());
}
