using System.CommandLine;

var root = new RootCommand("trinn — kommandolinje for Trinn");
return await root.Parse(args).InvokeAsync();
