# elixir interop.exs write PATH  - stores the sample list with :erlang.term_to_binary, as Todo.Database does
# elixir interop.exs read PATH   - reads PATH with :erlang.binary_to_term and compares it with the sample
# elixir interop.exs write-large-ids PATH - a list whose next_id is 2^31 - 1, the largest 32-bit integer
# elixir interop.exs read-large-ids PATH  - compares PATH with that list plus one entry (next_id 2^31), and
#                                           its bytes with what term_to_binary writes for it
# elixir interop.exs same-bytes DIR      - for each file entries-N in DIR (Java's encoding of N entries),
#                                           whether it reads as the book's list of N entries and
#                                           whether it is the very bytes term_to_binary writes
# elixir interop.exs write-book-cases DIR - lists the book's code can make that a Java TodoList cannot
#                                           hold, one file each (see book_cases below)
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

# Ids at the edge of 32 bits: Erlang writes 2^31 - 1 as INTEGER_EXT and 2^31 as SMALL_BIG_EXT.
large_ids =
  %{Todo.List.new() | next_id: 2_147_483_646}
  |> Todo.List.add_entry(%{date: ~D[2023-12-19], title: "Dentist"})

large_ids_plus_one = Todo.List.add_entry(large_ids, %{date: ~D[2023-12-20], title: "Added by Java"})

# A list of n entries, as ElixirInteropTest.numbered(n) builds it.
numbered = fn n ->
  Todo.List.new(for i <- 1..n//1, do: %{date: Date.add(~D[2024-01-01], i), title: "entry #{i} ✓"})
end

dentist = %{date: ~D[2023-12-19], title: "Dentist"}

# What the book's own functions make from entries and updaters a reader may well pass them.
book_cases = [
  # update_entry files the entry under the id its updater returns, and keeps the old one
  {"changed-id", Todo.List.new([dentist]) |> Todo.List.update_entry(1, &Map.put(&1, :id, 5))},
  # add_entry keeps every key of the map it is given
  {"extra-key", Todo.List.new([Map.put(dentist, :priority, :high)])},
  # any binary is a title, UTF-8 or not (here "Café" in Latin-1)
  {"not-utf8", Todo.List.new([%{dentist | title: <<"Caf", 0xE9>>}])},
  # a charlist ('Dentist', single quotes) is not a string
  {"charlist", Todo.List.new([%{dentist | title: ~c"Dentist"}])}
]

case System.argv() do
  ["write", path] ->
    File.write!(path, :erlang.term_to_binary(sample))
    IO.puts("written")

  ["read", path] ->
    stored = path |> File.read!() |> :erlang.binary_to_term()
    IO.puts("equal: #{stored == sample}")

  ["write-large-ids", path] ->
    File.write!(path, :erlang.term_to_binary(large_ids))
    IO.puts("written")

  ["read-large-ids", path] ->
    bytes = File.read!(path)
    stored = :erlang.binary_to_term(bytes)
    same_bytes = bytes == :erlang.term_to_binary(large_ids_plus_one)
    IO.puts("equal: #{stored == large_ids_plus_one}, same bytes: #{same_bytes}")

  ["same-bytes", dir] ->
    dir
    |> File.ls!()
    |> Enum.map(fn "entries-" <> n -> String.to_integer(n) end)
    |> Enum.sort()
    |> Enum.map(fn n ->
      bytes = File.read!(Path.join(dir, "entries-#{n}"))
      expected = numbered.(n)
      "#{n}:#{:erlang.binary_to_term(bytes) == expected}/#{bytes == :erlang.term_to_binary(expected)}"
    end)
    |> Enum.join(" ")
    |> IO.puts()

  ["write-book-cases", dir] ->
    for {name, list} <- book_cases, do: File.write!(Path.join(dir, name), :erlang.term_to_binary(list))
    IO.puts("written")
end
