# elixir interop.exs write PATH  - stores the sample list with :erlang.term_to_binary, as Todo.Database does
# elixir interop.exs read PATH   - reads PATH with :erlang.binary_to_term and compares it with the sample
Code.require_file("todo_list.exs", __DIR__)

sample =
  Todo.List.new([
    %{date: ~D[2023-12-19], title: "Dentist"},
    %{date: ~D[2023-12-20], title: "Shopping"},
    %{date: ~D[2023-12-19], title: "Movies"}
  ])
  |> Todo.List.update_entry(2, &Map.put(&1, :title, "Updated shopping"))
  |> Todo.List.delete_entry(3)
  |> Todo.List.add_entry(%{date: ~D[2023-12-21], title: "Gym ✓ ünïcødé"})

# More than 32 entries, so that Erlang stores the entries as a hash map, not a sorted one.
sample =
  Enum.reduce(1..40, sample, fn n, list ->
    Todo.List.add_entry(list, %{date: Date.add(~D[2024-01-01], n), title: "entry #{n}"})
  end)

case System.argv() do
  ["write", path] ->
    File.write!(path, :erlang.term_to_binary(sample))
    IO.puts("written")

  ["read", path] ->
    stored = path |> File.read!() |> :erlang.binary_to_term()
    IO.puts("equal: #{stored == sample}")
end
