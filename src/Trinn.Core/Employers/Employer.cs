using Trinn.Core.Common;
using Trinn.Core.Teams;

namespace Trinn.Core.Employers;

public enum EmployerSector
{
    Private = 1,
    Public = 2,
}

/// <summary>Size by number of employees, in the bands Statistics Norway uses for small, medium and large businesses.</summary>
public enum EmployerSize
{
    Small = 1,
    Medium = 2,
    Large = 3,
}

/// <summary>An employer in the team's shared network (arbeidsgiver). The whole team sees and updates it.</summary>
public class Employer : IVersioned
{
    public const int NameMaxLength = 200;
    public const int IndustryMaxLength = 100;
    public const int AddressMaxLength = 300;

    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>Nine digits, mod-11 checked; unique within the team.</summary>
    public string OrganizationNumber { get; private set; } = "";

    public EmployerSector Sector { get; set; }

    public string? Industry { get; set; }

    public EmployerSize? Size { get; set; }

    /// <summary>Has an IA agreement (inkluderende arbeidsliv).</summary>
    public bool IaAgreement { get; set; }

    public string? Address { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }

    public List<EmployerContactPerson> ContactPersons { get; } = [];

    public List<EmployerContact> Contacts { get; } = [];

    /// <summary>Sets name and organisation number, refusing an invalid number with a field error.</summary>
    public void Rename(string? name, string? organizationNumber)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(nameof(Name), "Error_Required");
        }

        if (name.Trim().Length > NameMaxLength)
        {
            throw new DomainException(nameof(Name), "Error_TooLong");
        }

        var number = Employers.OrganizationNumber.Normalize(organizationNumber);
        if (number is null)
        {
            throw new DomainException(nameof(OrganizationNumber), "Error_OrgNumberFormat");
        }

        if (!Employers.OrganizationNumber.IsValid(number))
        {
            throw new DomainException(nameof(OrganizationNumber), "Error_OrgNumberControl");
        }

        Name = name.Trim();
        OrganizationNumber = number;
    }
}

public class EmployerContactPerson
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    public int EmployerId { get; set; }

    public required string Name { get; set; }

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}
