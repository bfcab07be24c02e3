namespace Trinn.Core.Teams;

public class Team
{
    public int Id { get; set; }

    public required string Name { get; set; }
}
