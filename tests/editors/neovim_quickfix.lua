-- Driven by test_neovim.py in a headless Neovim 0.7+ whose init.lua is the README's
-- snippet: open a flawed note (the snippet starts `notelint lsp` and attaches it), wait
-- for the diagnostics, and apply two quick fixes and "fix all" through
-- vim.lsp.buf.code_action() exactly as a user would (vim.ui.select is answered by
-- title). Writes what happened to $NOTELINT_OUT.
local note = os.getenv("NOTELINT_NOTE")
local out = os.getenv("NOTELINT_OUT")
local report = {}

local function log(line)
  table.insert(report, line)
end

local function find_diagnostic(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then
      return d
    end
  end
  return nil
end

local function apply_action(bufnr, diagnostic, wanted)
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
  local chosen = false
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      log("action: " .. title)
      if title == wanted then
        chosen = true
        on_choice(item, i)
        return
      end
    end
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  assert(vim.wait(20000, function() return chosen end, 50), "no code action titled " .. wanted)
  assert(vim.wait(5000, function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") ~= before
  end, 50), "the action did not change the buffer")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(note))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = nil
  assert(vim.wait(10000, function()
    for id, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if client.name == "notelint" then
        client_id = id
      end
    end
    return client_id ~= nil
  end, 50), "the README's snippet did not attach notelint to the note")

  assert(vim.wait(60000, function()
    return find_diagnostic(bufnr, "wordy") ~= nil and find_diagnostic(bufnr, "hyperbole") ~= nil
  end, 100), "no diagnostics from notelint")
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    log(string.format("diagnostic: %d:%d %s %s %s", d.lnum, d.col, d.source or "", d.code or "", d.message))
  end

  -- 1. The config-defined substitution: its range comes after an emoji on the line.
  apply_action(bufnr, find_diagnostic(bufnr, "wordy"), "Replace with “to”")
  -- 2. Switch hyperbole off for this note (front matter at the top).
  apply_action(bufnr, find_diagnostic(bufnr, "hyperbole"), "Disable hyperbole for this note")

  -- The server lints the edited buffer: the hyperbole diagnostic goes away.
  assert(vim.wait(20000, function()
    return find_diagnostic(bufnr, "hyperbole") == nil and find_diagnostic(bufnr, "wordy") == nil
  end, 100), "diagnostics were not updated after the edits")
  -- 3. "Fix all safe problems in this note" (source.fixAll): the emoji go.
  apply_action(bufnr, find_diagnostic(bufnr, "enthusiasm"), "Fix all safe problems in this note")
  assert(vim.wait(20000, function()
    return find_diagnostic(bufnr, "enthusiasm") == nil
  end, 100), "diagnostics were not updated after fixing all")
  log("relinted: " .. #vim.diagnostic.get(bufnr) .. " diagnostics left")
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    log("buffer: " .. line)
  end
  vim.lsp.stop_client(client_id)
end)

if not ok then
  log("ERROR: " .. tostring(err))
end
local file = io.open(out, "w")
file:write(table.concat(report, "\n") .. "\n")
file:close()
vim.cmd("qall!")
