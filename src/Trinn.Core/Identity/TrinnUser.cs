using Microsoft.AspNetCore.Identity;
using Trinn.Core.Teams;

namespace Trinn.Core.Identity;

public class TrinnUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The team a jobbspesialist or metodeveileder belongs to; empty for other roles.</summary>
    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>Full-time equivalent (stillingsprosent / 100), for caseload and target figures.</summary>
    public decimal? Fte { get; set; }
}
